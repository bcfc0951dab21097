"""Uploads through the admin: accepted formats, limits, damaged files, French messages.

The superuser has no language preference, so the admin speaks French
(``LANGUAGE_CODE = "fr"``): every message asserted here is the one an editor reads.
"""

import hashlib
import io
import json
import struct
import zlib

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage

from images.forms import CampusImageField, CampusImageForm
from images.models import CampusImage
from tests import hostile_inputs
from tests.factories import make_image
from tests.utils import field_errors, multiple_upload_error

pytestmark = pytest.mark.django_db

INVALID = "Ce fichier n'est pas une image valide ou il est endommagé."


def test_the_admin_uses_the_campus_image_form():
    from wagtail.images.forms import get_image_form

    assert issubclass(get_image_form(CampusImage), CampusImageForm)


def image_bytes(fmt="PNG", size=(40, 30)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (0, 117, 122)).save(buffer, format=fmt)
    return buffer.getvalue()


def noisy_png(size=(1200, 1200)):
    """A PNG that does not compress well: big enough to test limits and truncation."""
    buffer = io.BytesIO()
    noise = hashlib.shake_256(b"campus").digest(size[0] * size[1])
    PILImage.frombytes("L", size, noise).save(buffer, format="PNG")
    return buffer.getvalue()


def add_image(client, name, content, title="Illustration"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "credit": "© PariSanté Campus",
            "caption": "Le campus",
        },
    )


def assert_refused(response, message):
    assert response.status_code == 200
    errors = field_errors(response)
    assert message in errors, errors


def test_the_form_base_is_importable_as_wagtail_expects():
    from wagtail.images.forms import get_image_base_form, get_image_form

    assert get_image_base_form() is CampusImageForm
    form = get_image_form(CampusImage)()
    assert isinstance(form.fields["file"], CampusImageField)


def test_the_add_page_states_formats_and_limits_in_french(admin_client):
    response = admin_client.get(reverse("wagtailimages:add"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Formats acceptés : AVIF, JPEG, PNG, WebP. Poids maximum : 10,0" in text


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("PNG", "atrium.png"), ("JPEG", "atrium.jpg"), ("WEBP", "atrium.webp"), ("AVIF", "a.avif")],
)
def test_accepted_formats_are_created_with_their_credit(admin_client, fmt, name):
    response = add_image(admin_client, name, image_bytes(fmt), title=f"Atrium {fmt}")
    assert response.status_code == 302, field_errors(response)
    image = CampusImage.objects.get(title=f"Atrium {fmt}")
    assert image.credit == "© PariSanté Campus"
    assert (image.width, image.height) == (40, 30)


def test_svg_is_refused_with_a_french_message(admin_client):
    response = add_image(admin_client, "logo.svg", hostile_inputs.SVG)
    assert_refused(response, "Les images SVG ne sont pas acceptées.")
    assert not CampusImage.objects.filter(title="Illustration").exists()


def test_other_extensions_are_refused(admin_client):
    response = add_image(admin_client, "animation.gif", image_bytes("GIF"))
    assert_refused(
        response, "Ce format d'image n'est pas accepté. Formats acceptés : AVIF, JPEG, PNG, WebP."
    )


def test_text_renamed_png_is_refused(admin_client):
    response = add_image(admin_client, "notes.png", hostile_inputs.TEXT)
    assert_refused(response, INVALID)
    assert not CampusImage.objects.filter(title="Illustration").exists()


@pytest.mark.parametrize(("fmt", "name"), [("PNG", "coupee.png"), ("JPEG", "coupee.jpg")])
def test_truncated_image_is_refused_without_a_server_error(admin_client, fmt, name):
    buffer = io.BytesIO()
    PILImage.frombytes("L", (400, 300), bytes(range(250)) * 480).save(buffer, format=fmt)
    content = buffer.getvalue()
    response = add_image(admin_client, name, content[: len(content) // 2])
    assert_refused(response, INVALID)
    assert not CampusImage.objects.filter(title="Illustration").exists()


def test_content_not_matching_the_extension_is_refused(admin_client):
    response = add_image(admin_client, "photo.png", image_bytes("JPEG"))
    assert_refused(response, "Le contenu de ce fichier ne correspond pas à son extension « .png »")


def test_image_over_the_pixel_limit_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000
    response = add_image(admin_client, "grande.png", image_bytes(size=(40, 30)))
    assert_refused(response, "Cette image compte trop de pixels (40 × 30)")
    assert "1\xa0000 pixels au maximum" in field_errors(response)


@pytest.mark.parametrize("size", [(40, 30), (60, 40)])  # warning, then error in Pillow
def test_decompression_bombs_are_refused_from_the_header(admin_client, settings, monkeypatch, size):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = None
    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", 1000)
    response = add_image(admin_client, "bombe.png", image_bytes(size=size))
    assert_refused(response, "Cette image compte trop de pixels")


def test_file_over_the_size_limit_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    response = add_image(admin_client, "lourde.png", image_bytes(size=(200, 200)))
    assert_refused(response, "Ce fichier est trop lourd")
    assert "100\xa0octets au maximum" in field_errors(response)


def test_uploads_streamed_to_a_temporary_file_are_checked_too(admin_client, settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0
    content = noisy_png()
    response = add_image(admin_client, "coupee.png", content[: len(content) // 2])
    assert_refused(response, INVALID)
    response = add_image(admin_client, "entiere.png", content, title="Entière")
    assert response.status_code == 302, field_errors(response)
    assert CampusImage.objects.get(title="Entière").width == 1200


def test_multiple_upload_refuses_damaged_files_with_a_french_message(admin_client):
    url = reverse("wagtailimages:add_multiple")
    content = noisy_png((300, 300))
    response = admin_client.post(
        url, {"files[]": SimpleUploadedFile("coupee.png", content[: len(content) // 2])}
    )
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["success"] is False
    assert INVALID in data["error_message"]

    response = admin_client.post(
        url, {"files[]": SimpleUploadedFile("ok.webp", image_bytes("WEBP"))}
    )
    assert json.loads(response.content)["success"] is True


def test_multiple_upload_page_checks_with_the_french_messages(admin_client):
    response = admin_client.get(reverse("wagtailimages:add_multiple"))
    assert response.status_code == 200
    uploader = BeautifulSoup(response.content, "html.parser").select_one("[data-messages]")
    messages = json.loads(uploader["data-messages"])
    assert messages["acceptFileTypes"].startswith("Ce format d'image n'est pas accepté.")
    assert messages["maxFileSize"].startswith("Ce fichier est trop lourd : 10,0")


def test_chooser_upload_refuses_damaged_files(admin_client):
    content = noisy_png((300, 300))
    response = admin_client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Coupée",
            "image-chooser-upload-file": SimpleUploadedFile(
                "coupee.png", content[: len(content) // 2]
            ),
        },
    )
    assert response.status_code == 200
    assert not CampusImage.objects.filter(title="Coupée").exists()
    assert "n&#x27;est pas une image valide" in response.content.decode()


def test_replacing_the_file_of_an_image_is_checked(admin_client):
    image = make_image()
    content = noisy_png((300, 300))
    response = admin_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": image.title,
            "file": SimpleUploadedFile("coupee.png", content[: len(content) // 2]),
            "credit": image.credit,
        },
    )
    assert_refused(response, INVALID)
    image.refresh_from_db()
    assert image.width == 1600


def test_editing_an_image_without_a_new_file_still_works(admin_client):
    image = make_image()
    response = admin_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Atrium, vue du hall", "credit": "© Jean Dupont", "caption": image.caption},
    )
    assert response.status_code == 302, field_errors(response)
    image.refresh_from_db()
    assert (image.title, image.credit) == ("Atrium, vue du hall", "© Jean Dupont")


# Limits for press photos (campus/settings/base.py)


def png_declaring(width, height):
    """A PNG of a few hundred bytes whose header declares ``width`` × ``height`` pixels."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
        + chunk(b"IEND", b"")
    )


def test_a_7000_by_5000_press_photo_is_accepted(admin_client):
    buffer = io.BytesIO()
    PILImage.new("1", (7000, 5000)).save(buffer, format="PNG")
    response = add_image(admin_client, "presse.png", buffer.getvalue(), title="Photo de presse")
    assert response.status_code == 302, field_errors(response)
    assert CampusImage.objects.get(title="Photo de presse").width == 7000


def test_more_than_36_megapixels_is_refused_before_decoding(admin_client):
    response = add_image(admin_client, "geante.png", png_declaring(7000, 5200))
    assert_refused(response, "Cette image compte trop de pixels (7000 × 5200)")
    assert "36\xa0000\xa0000 pixels au maximum" in field_errors(response)


def test_ten_megabytes_is_the_most_an_image_may_weigh(admin_client):
    limit = 10 * 1024 * 1024
    content = image_bytes()
    # Bytes after the end of a PNG are ignored by decoders: only the weight changes.
    response = add_image(admin_client, "a.png", content.ljust(limit, b"\0"), title="Juste")
    assert response.status_code == 302, field_errors(response)
    response = add_image(admin_client, "b.png", content.ljust(limit + 1, b"\0"))
    assert_refused(response, "Ce fichier est trop lourd (10,0\xa0Mio) : 10,0\xa0Mio au maximum.")


# Hostile and broken files, through every view that takes an image file


def truncated(content):
    return content[: len(content) // 2]


def corrupted(content):
    """The same PNG with bytes changed in the middle of its pixel data."""
    middle = len(content) // 2
    return (
        content[:middle]
        + bytes(b ^ 0xFF for b in content[middle : middle + 64])
        + content[middle + 64 :]
    )


SVG = hostile_inputs.SVG
MISMATCH = "Le contenu de ce fichier ne correspond pas à son extension"
TOO_MANY_PIXELS = "Cette image compte trop de pixels"
HOSTILE_IMAGES = {
    "truncated png": ("coupee.png", lambda: truncated(noisy_png((300, 300))), INVALID),
    "truncated jpeg": ("coupee.jpg", lambda: truncated(image_bytes("JPEG", (300, 300))), INVALID),
    "corrupt png": ("abimee.png", lambda: corrupted(noisy_png((300, 300))), INVALID),
    "text named png": ("notes.png", lambda: hostile_inputs.TEXT, INVALID),
    "pdf named jpg": ("dossier.jpg", lambda: hostile_inputs.FAKE_PDF, INVALID),
    "svg": ("logo.svg", lambda: SVG, "Les images SVG ne sont pas acceptées."),
    "svg named png": ("logo.png", lambda: SVG, INVALID),
    "scripted svg": (
        "logo.svg",
        lambda: hostile_inputs.SCRIPTED_SVG,
        "Les images SVG ne sont pas acceptées.",
    ),
    "html named png": ("page.png", lambda: hostile_inputs.HTML_PAGE, INVALID),
    "exe named jpg": ("setup.jpg", lambda: hostile_inputs.EXE, INVALID),
    "gif named jpg": (
        "anim.jpg",
        lambda: image_bytes("GIF"),
        f"{MISMATCH} « .jpg » (c'est une image GIF)",
    ),
    # Refused too: the editor is told to fix the extension, which takes a second.
    "png named jpg": ("photo.jpg", image_bytes, f"{MISMATCH} « .jpg » (c'est une image PNG)"),
    "decompression bomb": (
        "bombe.png",
        lambda: png_declaring(20_000, 20_000),
        f"{TOO_MANY_PIXELS} : 36\xa0000\xa0000 pixels au maximum.",
    ),
}


def refusal_through(view, client, name, content):
    """Upload through ``view``; check nothing was saved; return the errors shown."""
    if view == "edit":
        image = make_image()
        response = client.post(
            reverse("wagtailimages:edit", args=[image.pk]),
            {"title": image.title, "file": SimpleUploadedFile(name, content), "credit": "©"},
        )
        image.refresh_from_db()
        assert (image.width, image.credit) == (1600, "© PariSanté Campus")
        assert response.status_code == 200
        return field_errors(response)
    count = CampusImage.objects.count()
    if view == "add":
        response = add_image(client, name, content)
        assert response.status_code == 200
        errors = field_errors(response)
    else:
        errors = multiple_upload_error(client, "wagtailimages:add_multiple", name, content)
    assert CampusImage.objects.count() == count
    return errors


@pytest.mark.parametrize("view", ["add", "add_multiple", "edit"])
@pytest.mark.parametrize("case", HOSTILE_IMAGES)
def test_hostile_and_broken_images_are_refused_in_french(admin_client, view, case):
    name, content, message = HOSTILE_IMAGES[case]
    errors = refusal_through(view, admin_client, name, content())
    assert message in errors, errors
