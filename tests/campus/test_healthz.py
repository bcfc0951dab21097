"""/healthz/: 200 while the database answers, 503 when it does not; never cached,
never behind a language prefix."""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

pytestmark = pytest.mark.django_db


def assert_not_cacheable(response):
    cache_control = response["Cache-Control"]
    assert "no-cache" in cache_control
    assert "no-store" in cache_control


def test_healthz_ok(client):
    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "up"}
    assert_not_cacheable(response)


@pytest.mark.parametrize("accept_language", ["fr", "en", ""])
def test_healthz_has_no_language_prefix(client, accept_language):
    assert reverse("healthz") == "/healthz/"

    response = client.get("/healthz/", headers={"accept-language": accept_language})

    # Answered in place: LocaleMiddleware does not redirect it to /fr/ or /en/.
    assert response.status_code == 200
    assert "Location" not in response


def test_healthz_503_when_the_database_is_unreachable(client):
    # campus.views uses django.db.connection, a proxy to the default connection.
    with mock.patch.object(
        connection, "cursor", side_effect=OperationalError("connection refused")
    ) as cursor:
        # Without the view's `except DatabaseError`, the error would propagate
        # out of client.get() and fail this test.
        response = client.get("/healthz/")

    assert cursor.called
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "unavailable", "database": "down"}
    assert_not_cacheable(response)


def test_livez_answers_without_the_database_or_the_cache(client, django_assert_num_queries):
    def unreachable(*args, **kwargs):
        raise OperationalError("could not connect to server")

    with (
        mock.patch.object(connection, "cursor", side_effect=unreachable),
        mock.patch("django.core.cache.cache.get", side_effect=RuntimeError("cache down")),
        django_assert_num_queries(0),
    ):
        response = client.get("/livez/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert_not_cacheable(response)
    assert reverse("livez") == "/livez/"
