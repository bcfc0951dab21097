"""Document upload checks: the content must be what the extension says.

Wagtail only checks a document's extension (``WAGTAILDOCS_EXTENSIONS``, in the
model's ``clean``) and weight. ``CampusDocumentField`` also reads the file, so
that a web page, a script or a program renamed ``.pdf``, ``.docx`` or ``.csv``
is refused with a message an editor can act on, as is a damaged file.

Plugged in through ``WAGTAILDOCS_DOCUMENT_FORM_BASE``, so it covers every
upload path: the single and multiple upload views, the chooser's upload tab and
replacing the file of an existing document.
"""

import codecs
import os
import re
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm

CHUNK_SIZE = 1024 * 1024
# Office files are ZIP archives: their content is read in full to check it is
# intact, within this budget (a "ZIP bomb" declares far more).
MAX_ARCHIVE_ENTRIES = 10_000
MAX_UNCOMPRESSED_SIZE = 250 * 1024 * 1024
# The main part each OOXML file declares in [Content_Types].xml: the macro-enabled
# variants (.docm, .xlsm) and templates declare another one and are refused.
OOXML_MAIN_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
INVALID = {
    "pdf": _("Ce fichier n'est pas un PDF valide ou il est endommagé."),
    "docx": _("Ce fichier n'est pas un document Word (.docx) valide ou il est endommagé."),
    "xlsx": _("Ce fichier n'est pas un classeur Excel (.xlsx) valide ou il est endommagé."),
    "odt": _("Ce fichier n'est pas un document OpenDocument (.odt) valide ou il est endommagé."),
    "ods": _("Ce fichier n'est pas un classeur OpenDocument (.ods) valide ou il est endommagé."),
}
CSV_ENCODING = _(
    "L'encodage de ce fichier CSV n'est pas reconnu : enregistrez-le au format « CSV UTF-8 »."
)
# Control characters other than tab, line feed and carriage return: binary content.
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What a browser sniffs as HTML or XML (SVG): a tag, a comment or a declaration.
MARKUP_START = re.compile(rb"\s*<[!?/a-zA-Z]")


def _chunks(f):
    f.seek(0)
    while chunk := f.read(CHUNK_SIZE):
        yield chunk


def _invalid(extension):
    return ValidationError(INVALID[extension], code="invalid_document")


def check_pdf(f, extension):
    f.seek(0)
    if f.read(5) != b"%PDF-":
        raise _invalid("pdf")


def _check_archive(f, extension):
    """Open ``f`` as a ZIP archive, read every entry (checksums), return it."""
    f.seek(0)
    if f.read(4) != b"PK\x03\x04":  # also refuses anything placed before the archive
        raise _invalid(extension)
    try:
        archive = zipfile.ZipFile(f)
        entries = archive.infolist()
        if (
            len(entries) > MAX_ARCHIVE_ENTRIES
            or sum(entry.file_size for entry in entries) > MAX_UNCOMPRESSED_SIZE
        ):
            raise _invalid(extension)
        for entry in entries:
            with archive.open(entry) as member:
                while member.read(CHUNK_SIZE):
                    pass
    except ValidationError:
        raise
    except Exception as exc:
        # zipfile, zlib and bz2 raise many kinds of errors on a damaged or
        # encrypted archive: all of them mean the file cannot be opened.
        raise _invalid(extension) from exc
    return archive


def _archive_entry(f, extension, name):
    """One entry of an intact archive; its absence means the file is not of its kind."""
    archive = _check_archive(f, extension)
    try:
        return archive.read(name)
    except KeyError:
        raise _invalid(extension) from None


def check_ooxml(f, extension):
    content_types = _archive_entry(f, extension, "[Content_Types].xml")
    if OOXML_MAIN_TYPES[extension].encode() not in content_types:
        raise _invalid(extension)


def check_odf(f, extension):
    if _archive_entry(f, extension, "mimetype").strip() != ODF_MIMETYPES[extension]:
        raise _invalid(extension)


def check_csv(f, extension):
    f.seek(0)
    first = f.read(CHUNK_SIZE)
    if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ValidationError(CSV_ENCODING, code="invalid_document")
    if MARKUP_START.match(first.removeprefix(codecs.BOM_UTF8)):
        raise ValidationError(
            _("Ce fichier CSV contient du code HTML ou XML : il n'est pas accepté."),
            code="invalid_document",
        )
    if any(CONTROL_BYTES.search(chunk) for chunk in _chunks(f)):
        raise ValidationError(
            _("Ce fichier CSV contient des données binaires : ce n'est pas un fichier texte."),
            code="invalid_document",
        )
    # UTF-8 ("CSV UTF-8" in Excel), or Windows-1252: what Excel in French saves
    # as "CSV (séparateur : point-virgule)"; it leaves only five bytes undefined.
    for encoding in ("utf-8-sig", "cp1252"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            for chunk in _chunks(f):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return
        except UnicodeDecodeError:
            continue
    raise ValidationError(CSV_ENCODING, code="invalid_document")


CONTENT_CHECKS = {
    "pdf": check_pdf,
    "docx": check_ooxml,
    "xlsx": check_ooxml,
    "odt": check_odf,
    "ods": check_odf,
    "csv": check_csv,
}


class CampusDocumentField(WagtailDocumentField):
    """Wagtail's document field, with content checks and French messages."""

    def __init__(self, *args, allowed_extensions=(), **kwargs):
        super().__init__(*args, **kwargs)
        formats = ", ".join(extension.upper() for extension in allowed_extensions)
        # Same wording as for images (images/forms.py).
        if self.max_upload_size is not None:
            self.help_text = _("Formats acceptés : %(formats)s. Poids maximum : %(max_size)s.") % {
                "formats": formats,
                "max_size": self.max_upload_size_text,
            }
        else:
            self.help_text = _("Formats acceptés : %(formats)s.") % {"formats": formats}
        # Also read by the multiple upload page to check files before sending them.
        self.error_messages["file_too_large_unknown_size"] = _(
            "Ce fichier est trop lourd : %(max_size)s au maximum."
        ) % {"max_size": self.max_upload_size_text}

    def check_document_file_size(self, f):
        if self.max_upload_size is not None and f.size > self.max_upload_size:
            raise ValidationError(
                _("Ce fichier est trop lourd (%(size)s) : %(max_size)s au maximum.")
                % {"size": filesizeformat(f.size), "max_size": self.max_upload_size_text},
                code="file_too_large",
            )

    def to_python(self, data):
        f = super().to_python(data)
        if f is None:
            return None
        extension = os.path.splitext(f.name)[1].lower()[1:]
        check = CONTENT_CHECKS.get(extension)
        # Other extensions are refused by the model's own check (WAGTAILDOCS_EXTENSIONS).
        if check is not None:
            try:
                check(f, extension)
            finally:
                f.seek(0)
        return f


class CampusDocumentForm(BaseDocumentForm):
    """Wagtail's document form with ``CampusDocumentField`` for the file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, CampusDocumentField):
            # Built here rather than declared on the class so that the limits are
            # read from the settings when the form is used.
            self.fields["file"] = CampusDocumentField(
                label=field.label,
                required=field.required,
                widget=field.widget,
                allowed_extensions=getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or (),
            )
