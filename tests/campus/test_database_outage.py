"""PostgreSQL stops: visitors get a 503 in the URL's language with Retry-After, never a
500 or a hang, cached pages keep being served, and the site recovers by itself."""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client

from news.models import NewsIndexPage

pytestmark = pytest.mark.django_db


def database_down():
    def unreachable(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")

    return mock.patch.object(connection, "cursor", side_effect=unreachable)


@pytest.mark.parametrize(
    ("url", "language", "title"),
    [
        ("/fr/", "fr", "Site momentanément indisponible"),
        ("/en/", "en", "Temporarily unavailable"),
        ("/en/news/?page=2", "en", "Temporarily unavailable"),
        ("/fr/actualites/une-page-inconnue/", "fr", "Site momentanément indisponible"),
    ],
)
def test_pages_answer_503_in_the_language_of_the_url(url, language, title):
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert title in html
    assert "Traceback" not in html


def test_cached_pages_are_still_served_and_the_site_recovers(settings):
    settings.PAGE_CACHE = True
    client = Client(raise_request_exception=False)
    index = NewsIndexPage.objects.get(locale__language_code="fr").url
    client.get(index)
    with database_down():
        assert client.get(index)["X-Cache"] == "HIT"
        assert client.get("/fr/le-campus/").status_code == 503
    # The database is back: no restart needed.
    assert client.get("/fr/le-campus/").status_code == 200


def test_a_failing_query_is_still_a_500():
    from django.db import ProgrammingError

    client = Client(raise_request_exception=False)
    with mock.patch("home.models.HomePage.get_context", side_effect=ProgrammingError("bad SQL")):
        response = client.get("/fr/")
    assert response.status_code == 500
    assert "Retry-After" not in response
