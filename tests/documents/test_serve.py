"""Serving documents (documents/sendfile.py): always downloaded, never run."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from tests.documents import samples

pytestmark = pytest.mark.django_db

SANDBOX = "default-src 'none'; sandbox"


def make_document(name, content, collection=None):
    return Document.objects.create(
        title=name,
        file=SimpleUploadedFile(name, content),
        collection=collection or Collection.get_first_root_node(),
    )


def downloaded(response):
    return b"".join(response.streaming_content)


def assert_served_safely(response):
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == SANDBOX


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("dossier.pdf", samples.pdf(), "application/pdf"),
        ("programme.docx", samples.docx(), "application/vnd.openxmlformats-"),
        ("programme.odt", samples.odf(samples.ODT), "application/vnd.oasis.opendocument.text"),
        ("chiffres.csv", samples.csv(), "text/csv"),
    ],
)
def test_documents_are_downloaded_sandboxed(client, name, content, content_type):
    document = make_document(name, content)
    # Served by Django; the storage may have added a suffix if the name was taken.
    filename = document.filename
    assert filename.startswith(name.rsplit(".", 1)[0])
    assert document.url == f"/documents/{document.pk}/{filename}"
    response = client.get(document.url)
    assert_served_safely(response)
    assert response["Content-Type"].startswith(content_type)
    assert f'filename="{filename}"' in response["Content-Disposition"]
    assert downloaded(response) == content


def private_collection(restriction_type, **kwargs):
    collection = Collection.get_first_root_node().add_child(name="Interne")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=restriction_type, **kwargs
    )
    return collection, restriction


def test_documents_for_logged_in_users_stay_private(client, admin_user):
    collection, _ = private_collection(CollectionViewRestriction.LOGIN)
    document = make_document("interne.pdf", samples.pdf(), collection)
    response = client.get(document.url)
    assert response.status_code == 302
    assert "sandbox" not in response.get("Content-Security-Policy", "")
    client.force_login(admin_user)
    assert_served_safely(client.get(document.url))


def test_documents_for_a_group_stay_private(client, django_user_model):
    group = Group.objects.create(name="Presse interne")
    collection, restriction = private_collection(CollectionViewRestriction.GROUPS)
    restriction.groups.add(group)
    document = make_document("interne.pdf", samples.pdf(), collection)
    user = django_user_model.objects.create_user("journaliste", password="x" * 16)  # noqa: S106
    client.force_login(user)
    assert client.get(document.url).status_code == 302
    user.groups.add(group)
    assert_served_safely(client.get(document.url))


def test_the_password_form_of_a_private_document_still_works(client):
    collection, restriction = private_collection(
        CollectionViewRestriction.PASSWORD, password="mot-de-passe-du-dossier"
    )
    document = make_document("interne.pdf", samples.pdf(), collection)
    response = client.get(document.url)
    # The password page, not the document: not sandboxed, or its form could not be sent.
    assert response.status_code == 200
    assert "sandbox" not in response.get("Content-Security-Policy", "")
    assert b'name="password"' in response.content
    response = client.post(
        f"/documents/authenticate_with_password/{restriction.pk}/",
        {"password": "mot-de-passe-du-dossier", "return_url": document.url},
    )
    assert response.status_code == 302
    assert_served_safely(client.get(document.url))
