"""Image upload checks, in French, run before Wagtail ever decodes the file.

Wagtail's own image field opens the upload with Willow, which decodes every
pixel before checking the size limits: a truncated or corrupt file then raises
``OSError`` (a server error instead of a form error), and an oversized image is
fully decoded before being refused. ``CampusImageField`` reads the header only
with Pillow first (weight, extension, real format, number of pixels), refuses
what is wrong with a message an editor can act on, then lets Wagtail do its
own checks and turns any decoding failure into a form error.

Plugged in through ``WAGTAILIMAGES_IMAGE_FORM_BASE = "images.forms.CampusImageForm"``,
so it covers every upload path: the single and multiple upload views, the
chooser's upload tab and replacing the file of an existing image.
"""

import os
import warnings
from io import BytesIO

from django.core.exceptions import ValidationError
from django.forms.fields import FileField
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# Pillow's name for each accepted extension.
PILLOW_FORMATS = {
    "avif": "AVIF",
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "png": "PNG",
    "webp": "WEBP",
}
# Names shown to editors, in the order of the settings' extensions.
FORMAT_LABELS = {
    "avif": "AVIF",
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "png": "PNG",
    "webp": "WebP",
}

INVALID_IMAGE = _("Ce fichier n'est pas une image valide ou il est endommagé.")


def _accepted_formats(extensions):
    labels = []
    for extension in extensions:
        label = FORMAT_LABELS.get(extension, extension.upper())
        if label not in labels:
            labels.append(label)
    return ", ".join(labels)


class CampusImageField(WagtailImageField):
    """Wagtail's image field, with header-only checks first and French messages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        accepted = _accepted_formats(self.allowed_image_extensions)
        if self.max_upload_size is not None:
            self.help_text = _("Formats acceptés : %(formats)s. Poids maximum : %(max_size)s.") % {
                "formats": accepted,
                "max_size": self.max_upload_size_text,
            }
        else:
            self.help_text = _("Formats acceptés : %(formats)s.") % {"formats": accepted}
        # Also read by the multiple upload page to check files before sending them.
        self.error_messages["invalid_image"] = INVALID_IMAGE
        self.error_messages["invalid_image_extension"] = _(
            "Ce format d'image n'est pas accepté. Formats acceptés : %(formats)s."
        ) % {"formats": accepted}
        self.error_messages["file_too_large_unknown_size"] = _(
            "Ce fichier est trop lourd : %(max_size)s au maximum."
        ) % {"max_size": self.max_upload_size_text}
        self.accepted_formats_text = accepted

    def to_python(self, data):
        f = FileField.to_python(self, data)
        if f is None:
            return None
        self.check_upload_before_decoding(f, data)
        if hasattr(data, "seek"):
            data.seek(0)
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except Exception as exc:
            # Pillow and its plugins raise OSError, SyntaxError, ValueError…
            # on damaged files while decoding: a form error, never a 500.
            raise ValidationError(INVALID_IMAGE, code="invalid_image") from exc

    def check_upload_before_decoding(self, f, data):
        self.check_size(f)
        extension = os.path.splitext(f.name)[1].lower()[1:]
        if extension == "svg":
            raise ValidationError(
                _(
                    "Les images SVG ne sont pas acceptées. "
                    "Enregistrez l'image dans l'un de ces formats : %(formats)s."
                )
                % {"formats": self.accepted_formats_text},
                code="svg_refused",
            )
        if extension not in self.allowed_image_extensions:
            raise ValidationError(
                self.error_messages["invalid_image_extension"], code="invalid_image_extension"
            )

        file = data if hasattr(data, "temporary_file_path") else BytesIO(_read(data))
        with warnings.catch_warnings():
            # Past Pillow's own limit, opening the header is already refused.
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            try:
                with PILImage.open(file) as image:
                    pillow_format = image.format
                    width, height = image.size
                    frames = getattr(image, "n_frames", 1)
            except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
                raise ValidationError(
                    _(
                        "Cette image compte trop de pixels : %(max_pixels)s pixels au maximum. "
                        "Réduisez ses dimensions avant de l'importer."
                    )
                    % {"max_pixels": self.max_pixels_text()},
                    code="file_too_many_pixels",
                ) from None
            except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
                raise ValidationError(INVALID_IMAGE, code="invalid_image") from exc
            finally:
                if hasattr(data, "seek"):
                    data.seek(0)

        expected = PILLOW_FORMATS.get(extension)
        if expected and pillow_format != expected:
            raise ValidationError(
                _(
                    "Le contenu de ce fichier ne correspond pas à son extension « .%(extension)s » "
                    "(c'est une image %(format)s). Enregistrez-la au bon format "
                    "ou corrigez l'extension."
                )
                % {"extension": extension, "format": pillow_format or "?"},
                code="invalid_image_known_format",
            )

        if self.max_image_pixels is not None and width * height * frames > self.max_image_pixels:
            raise ValidationError(
                _(
                    "Cette image compte trop de pixels (%(width)s × %(height)s) : "
                    "%(max_pixels)s pixels au maximum. "
                    "Réduisez ses dimensions avant de l'importer."
                )
                % {
                    "width": width,
                    "height": height,
                    "max_pixels": self.max_pixels_text(),
                },
                code="file_too_many_pixels",
            )

    def check_size(self, f):
        if self.max_upload_size is not None and f.size > self.max_upload_size:
            raise ValidationError(
                _("Ce fichier est trop lourd (%(size)s) : %(max_size)s au maximum.")
                % {"size": filesizeformat(f.size), "max_size": self.max_upload_size_text},
                code="file_too_large",
            )

    def max_pixels_text(self):
        limit = self.max_image_pixels
        pillow_limit = PILImage.MAX_IMAGE_PIXELS
        if pillow_limit is not None:
            limit = min(limit or pillow_limit, pillow_limit)
        return number_format(limit, force_grouping=True)


def _read(data):
    if hasattr(data, "read"):
        content = data.read()
        data.seek(0)
        return content
    return data["content"]


class CampusImageForm(BaseImageForm):
    """Wagtail's image form with ``CampusImageField`` for the file."""

    class Media:
        # Read by the multiple upload page (``form_media``): hides Wagtail's alt-text
        # reminder on the rows of files that were refused.
        css = {"all": ["images/admin/multiple-upload.css"]}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, CampusImageField):
            # Built here rather than declared on the class so that the size
            # limits are read from the settings when the form is used.
            self.fields["file"] = CampusImageField(
                label=field.label,
                required=field.required,
                widget=field.widget,
            )
