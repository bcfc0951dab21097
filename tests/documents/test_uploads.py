"""Document uploads through the admin: allowed formats, content checks, French messages.

The superuser has no language preference, so the admin speaks French
(``LANGUAGE_CODE = "fr"``): every message asserted here is the one an editor reads.
"""

import io
import json
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document

from documents.forms import CampusDocumentField, CampusDocumentForm
from tests import hostile_inputs
from tests.documents import samples
from tests.factories import make_document
from tests.utils import field_errors, multiple_upload_error

pytestmark = pytest.mark.django_db

MiB = 1024 * 1024


def add_document(client, name, content, title="Dossier"):
    return client.post(
        reverse("wagtaildocs:add"), {"title": title, "file": SimpleUploadedFile(name, content)}
    )


def test_the_admin_uses_the_campus_document_form():
    from wagtail.documents.forms import get_document_base_form, get_document_form

    assert get_document_base_form() is CampusDocumentForm
    form = get_document_form(Document)()
    assert isinstance(form.fields["file"], CampusDocumentField)


def test_the_add_pages_state_formats_and_limit_in_french(admin_client):
    expected = "Formats acceptés : CSV, DOCX, ODT, ODS, PDF, XLSX. Poids maximum : 20,0\xa0Mio."
    assert expected in admin_client.get(reverse("wagtaildocs:add")).content.decode()
    response = admin_client.get(reverse("wagtaildocs:add_multiple"))
    assert expected in response.content.decode()
    uploader = BeautifulSoup(response.content, "html.parser").select_one("[data-messages]")
    messages = json.loads(uploader["data-messages"])
    assert messages["maxFileSize"] == "Ce fichier est trop lourd : 20,0\xa0Mio au maximum."


ACCEPTED = {
    "pdf": ("dossier.pdf", samples.pdf),
    "docx": ("programme.docx", samples.docx),
    "xlsx": ("chiffres.xlsx", samples.xlsx),
    "odt": ("programme.odt", lambda: samples.odf(samples.ODT)),
    "ods": ("chiffres.ods", lambda: samples.odf(samples.ODS)),
    "csv utf-8": ("chiffres.csv", samples.csv),
    "csv utf-8 with bom": ("bom.csv", lambda: b"\xef\xbb\xbf" + samples.csv()),
    "csv from excel in french": ("excel.csv", lambda: samples.csv(encoding="cp1252")),
    "upper-case extension": ("DOSSIER.PDF", samples.pdf),
}


@pytest.mark.parametrize("case", ACCEPTED)
def test_real_documents_are_accepted(admin_client, case):
    name, make_content = ACCEPTED[case]
    content = make_content()
    response = add_document(admin_client, name, content, title=case)
    assert response.status_code == 302, field_errors(response)
    document = Document.objects.get(title=case)
    with document.open_file() as f:
        assert f.read() == content


def refusal_through(view, client, name, content):
    """Upload through ``view``; check nothing was saved; return the errors shown."""
    if view == "edit":
        document = make_document()
        filename = document.filename
        response = client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {
                "title": document.title,
                "file": SimpleUploadedFile(name, content),
                "collection": document.collection_id,
            },
        )
        assert response.status_code == 200
        document.refresh_from_db()
        assert document.filename == filename
        return field_errors(response)
    count = Document.objects.count()
    if view == "add":
        response = add_document(client, name, content)
        assert response.status_code == 200
        errors = field_errors(response)
    else:
        errors = multiple_upload_error(client, "wagtaildocs:add_multiple", name, content)
    assert Document.objects.count() == count
    return errors


def corrupted_docx():
    """A .docx whose document part was changed after the archive was written."""
    content = samples.docx(compression=zipfile.ZIP_STORED)
    return content.replace(b"<document/><document/>", b"<document/><documenX/>", 1)


def extension_refused(extension):
    return f"L'extension de fichier «\xa0{extension}\xa0» n’est pas autorisée."


HTML = hostile_inputs.HTML_PAGE
SVG = hostile_inputs.SCRIPTED_SVG
EXE = hostile_inputs.EXE
NOT_PDF = "Ce fichier n'est pas un PDF valide ou il est endommagé."
NOT_DOCX = "Ce fichier n'est pas un document Word (.docx) valide ou il est endommagé."
NOT_XLSX = "Ce fichier n'est pas un classeur Excel (.xlsx) valide ou il est endommagé."
NOT_ODT = "Ce fichier n'est pas un document OpenDocument (.odt) valide ou il est endommagé."
NOT_ODS = "Ce fichier n'est pas un classeur OpenDocument (.ods) valide ou il est endommagé."
CSV_MARKUP = "Ce fichier CSV contient du code HTML ou XML : il n'est pas accepté."
CSV_BINARY = "Ce fichier CSV contient des données binaires : ce n'est pas un fichier texte."
CSV_ENCODING = (
    "L'encodage de ce fichier CSV n'est pas reconnu : enregistrez-le au format « CSV UTF-8 »."
)
REFUSED = {
    "html": ("page.html", lambda: HTML, extension_refused("html")),
    "svg": ("logo.svg", lambda: SVG, extension_refused("svg")),
    "exe": ("setup.exe", lambda: EXE, extension_refused("exe")),
    "js": ("script.js", lambda: b"alert(1)", extension_refused("js")),
    "no extension": ("LISEZMOI", lambda: b"Bonjour", extension_refused("")),
    "plain svg": ("logo.svg", lambda: hostile_inputs.SVG, extension_refused("svg")),
    "html named pdf": ("page.pdf", lambda: HTML, NOT_PDF),
    "text named docx": ("notes.docx", lambda: hostile_inputs.TEXT, NOT_DOCX),
    "pdf after html": ("page.pdf", lambda: HTML + samples.pdf(), NOT_PDF),
    "exe named docx": ("setup.docx", lambda: EXE, NOT_DOCX),
    "svg named odt": ("logo.odt", lambda: SVG, NOT_ODT),
    "docx named xlsx": ("chiffres.xlsx", samples.docx, NOT_XLSX),
    "xlsx named docx": ("programme.docx", samples.xlsx, NOT_DOCX),
    "macro-enabled docm named docx": ("macros.docx", lambda: samples.docx(samples.DOCM), NOT_DOCX),
    "plain zip named docx": ("archive.docx", lambda: samples.zip_bytes([("a.txt", "a")]), NOT_DOCX),
    "truncated docx": ("coupe.docx", lambda: samples.docx()[:-40], NOT_DOCX),
    "corrupt docx": ("abime.docx", corrupted_docx, NOT_DOCX),
    "odt named ods": ("chiffres.ods", lambda: samples.odf(samples.ODT), NOT_ODS),
    "zip without mimetype named odt": ("a.odt", lambda: samples.zip_bytes([("a", "a")]), NOT_ODT),
    "html named csv": ("page.csv", lambda: b"\n  " + HTML, CSV_MARKUP),
    "svg named csv": ("logo.csv", lambda: b"\xef\xbb\xbf" + SVG, CSV_MARKUP),
    "exe named csv": ("setup.csv", lambda: EXE, CSV_BINARY),
    "csv with a nul byte": ("nul.csv", lambda: samples.csv() + b"\0", CSV_BINARY),
    "utf-16 csv": ("excel.csv", lambda: samples.csv(encoding="utf-16"), CSV_ENCODING),
    "csv in no known encoding": ("inconnu.csv", lambda: b"a;b\n\x81\x8d;c\n", CSV_ENCODING),
}


@pytest.mark.parametrize(
    ("name", "content", "damaged", "message"),
    [
        ("programme.docx", samples.docx(), samples.docx()[:-40], NOT_DOCX),
        ("chiffres.csv", samples.csv(), samples.csv() + b"\0", CSV_BINARY),
    ],
)
def test_files_streamed_to_a_temporary_file_are_checked_too(
    admin_client, settings, name, content, damaged, message
):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0
    response = add_document(admin_client, name, content, title="Entier")
    assert response.status_code == 302, field_errors(response)
    response = add_document(admin_client, name, damaged)
    assert message in field_errors(response)


@pytest.mark.parametrize("view", ["add", "add_multiple", "edit"])
@pytest.mark.parametrize("case", REFUSED)
def test_hostile_and_broken_documents_are_refused_in_french(admin_client, view, case):
    name, content, message = REFUSED[case]
    errors = refusal_through(view, admin_client, name, content())
    assert message in errors, errors


def test_an_archive_that_expands_too_much_is_refused(admin_client, monkeypatch):
    # A "ZIP bomb" declares gigabytes; the budget is lowered instead of building one.
    monkeypatch.setattr("documents.forms.MAX_UNCOMPRESSED_SIZE", 500)
    content = samples.docx()
    assert sum(entry.file_size for entry in zipfile.ZipFile(io.BytesIO(content)).infolist()) > 500
    response = add_document(admin_client, "enorme.docx", content)
    assert NOT_DOCX in field_errors(response)


def test_twenty_megabytes_is_the_most_a_document_may_weigh(admin_client):
    content = samples.pdf()
    response = add_document(admin_client, "a.pdf", content.ljust(20 * MiB, b" "), title="Juste")
    assert response.status_code == 302, field_errors(response)
    response = add_document(admin_client, "b.pdf", content.ljust(20 * MiB + 1, b" "))
    assert response.status_code == 200
    errors = field_errors(response)
    assert "Ce fichier est trop lourd (20,0\xa0Mio) : 20,0\xa0Mio au maximum." in errors, errors


def test_the_chooser_upload_checks_the_content(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Faux PDF",
            "document-chooser-upload-file": SimpleUploadedFile("faux.pdf", HTML),
            "document-chooser-upload-collection": make_document().collection_id,
        },
    )
    assert response.status_code == 200
    assert not Document.objects.filter(title="Faux PDF").exists()
    assert "n&#x27;est pas un PDF valide" in response.content.decode()


def test_replacing_a_document_with_a_real_file_works(admin_client):
    document = make_document()
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Programme",
            "file": SimpleUploadedFile("programme.odt", samples.odf(samples.ODT)),
            "collection": document.collection_id,
        },
    )
    assert response.status_code == 302, field_errors(response)
    document.refresh_from_db()
    assert (document.title, document.file_extension) == ("Programme", "odt")


def test_editing_a_document_without_a_new_file_still_works(admin_client):
    document = make_document()
    filename = document.filename
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Dossier 2026", "collection": document.collection_id},
    )
    assert response.status_code == 302, field_errors(response)
    document.refresh_from_db()
    assert (document.title, document.filename) == ("Dossier 2026", filename)
