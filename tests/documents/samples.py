"""Small but real office files, built in memory, as the applications write them."""

import io
import zipfile

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM = "application/vnd.ms-word.document.macroEnabled.main+xml"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"


def zip_bytes(entries, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries:
            # ODF wants its "mimetype" entry first and stored uncompressed.
            stored = name == "mimetype"
            archive.writestr(name, content, zipfile.ZIP_STORED if stored else compression)
    return buffer.getvalue()


def ooxml(main_type, part, compression=zipfile.ZIP_DEFLATED):
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{part}" ContentType="{main_type}"/></Types>'
    )
    entries = [("[Content_Types].xml", content_types), (part, "<document/>" * 50)]
    return zip_bytes(entries, compression)


def docx(main_type=DOCX, compression=zipfile.ZIP_DEFLATED):
    return ooxml(main_type, "word/document.xml", compression)


def xlsx():
    return ooxml(XLSX, "xl/workbook.xml")


def odf(mimetype):
    return zip_bytes([("mimetype", mimetype), ("content.xml", "<office:document-content/>" * 50)])


def pdf():
    return b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n"


def csv(text="année;visiteurs\n2024;1200\n", encoding="utf-8"):
    return text.encode(encoding)
