"""Helpers shared by tests."""

import json

from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def field_errors(response, field="file"):
    """The admin form's error messages for ``field`` (all of the form's if it has no panel)."""
    soup = BeautifulSoup(response.content, "html.parser")
    errors = soup.select(f"#panel-child-content-{field}-section .error-message") or soup.select(
        ".error-message"
    )
    return " ".join(error.get_text(" ", strip=True) for error in errors)


def multiple_upload_error(client, url_name, name, content):
    """The message of Wagtail's multiple-upload view when it refuses a file."""
    response = client.post(reverse(url_name), {"files[]": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["success"] is False
    return data["error_message"]
