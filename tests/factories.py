"""Small builders for test data: real files made in memory, nothing read from disk."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document

from images.models import CampusImage


def make_image(
    title="Atrium du campus", credit="© PariSanté Campus", caption="L'atrium", size=(1600, 900)
):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (0, 117, 122)).save(buffer, format="PNG")
    return CampusImage.objects.create(
        title=title,
        credit=credit,
        caption=caption,
        file=SimpleUploadedFile("atrium.png", buffer.getvalue(), content_type="image/png"),
    )


def make_document(title="Dossier de presse"):
    return Document.objects.create(
        title=title,
        file=SimpleUploadedFile(
            "dossier.pdf", b"%PDF-1.4\n%%EOF\n" * 64, content_type="application/pdf"
        ),
    )
