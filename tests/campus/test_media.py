"""Uploads served by Django itself (SERVE_MEDIA): images yes, documents never (they go
through /documents/, with their collection's privacy and download headers)."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_files(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "photo.txt").write_text("image")
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "rapport.pdf").write_bytes(b"%PDF-1.7 private")
    return Path(tmp_path)


@pytest.mark.parametrize("serve_media", [True, False])
def test_images_are_served_only_when_asked(client, settings, media_files, serve_media):
    settings.SERVE_MEDIA = serve_media
    response = client.get("/media/images/photo.txt")
    assert response.status_code == (200 if serve_media else 404)


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/rapport.pdf",
        "/media/images/../documents/rapport.pdf",
        "/media/images/%2e%2e/documents/rapport.pdf",
        "/media//documents/rapport.pdf",
        "/media/./documents/rapport.pdf",
    ],
)
def test_documents_are_never_served_from_the_media_folder(client, settings, media_files, path):
    settings.SERVE_MEDIA = True
    response = client.get(path)
    assert response.status_code == 404
    assert b"private" not in response.content
