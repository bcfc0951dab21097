"""Failed sign-ins lock one username from one address (django-axes), with a French 429 page."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.axes import client_ip
from editorial.roles import EDITORS_GROUP
from tests.accounts.helpers import IP, admin_home, sign_in
from tests.editorial.moderation_helpers import make_user

pytestmark = pytest.mark.django_db

WRONG = "pas le bon mot de passe"  # noqa: S105


@pytest.fixture
def editor():
    return make_user("redactrice", EDITORS_GROUP)


def fail(client, login, times, ip=IP, **extra):
    return [sign_in(client, login, WRONG, ip=ip, **extra) for _ in range(times)]


def is_locked(response):
    return response.status_code == 429


def assert_lockout_page(response):
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Connexion temporairement bloquée" in html
    assert "Réessayez dans 15 minutes." in html
    assert "<script" not in html and "<style" not in html and "style=" not in html


def test_the_fifth_wrong_password_locks_with_a_french_page(client, editor):
    responses = fail(client, "redactrice", settings.AXES_FAILURE_LIMIT)
    for response in responses[:-1]:
        assert response.status_code == 200  # the form again, with its error
        assert "Connexion temporairement bloquée" not in response.content.decode()
    assert_lockout_page(responses[-1])


def test_the_right_password_is_refused_while_locked(client, editor):
    fail(client, "redactrice", settings.AXES_FAILURE_LIMIT)
    assert_lockout_page(sign_in(client, "redactrice"))
    assert client.get(admin_home()).status_code == 302  # not signed in


def test_the_username_counts_however_it_is_typed(client, editor):
    for login in ("redactrice", "REDACTRICE", "redactrice@example.org", "Redactrice"):
        sign_in(client, login, WRONG)
    assert is_locked(sign_in(client, "redactrice@EXAMPLE.org", WRONG))
    assert is_locked(sign_in(client, "redactrice"))


def test_another_username_from_the_same_address_is_not_locked(client, editor):
    make_user("autre", EDITORS_GROUP)
    fail(client, "redactrice", settings.AXES_FAILURE_LIMIT)
    response = sign_in(client, "autre")
    assert response.status_code == 302
    assert client.get(admin_home()).status_code == 200


def test_the_same_username_from_another_address_is_not_locked(client, editor):
    fail(client, "redactrice", settings.AXES_FAILURE_LIMIT)
    assert sign_in(client, "redactrice", ip="198.51.100.7").status_code == 302


def test_the_lock_ends_after_the_cool_off(client, editor):
    fail(client, "redactrice", settings.AXES_FAILURE_LIMIT)
    assert is_locked(sign_in(client, "redactrice"))
    # Sixteen minutes later.
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    response = sign_in(client, "redactrice")
    assert response.status_code == 302
    assert client.get(admin_home()).status_code == 200


@override_settings(AXES_COOLOFF_TIME=1)  # one hour
def test_the_cool_off_comes_from_settings(client, editor):
    fail(client, "redactrice", settings.AXES_FAILURE_LIMIT)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    response = sign_in(client, "redactrice")
    assert response.status_code == 429
    assert "Réessayez dans 60 minutes." in response.content.decode()


def test_an_administrator_unlocks_a_username(client, editor):
    fail(client, "redactrice", settings.AXES_FAILURE_LIMIT)
    call_command("axes_reset_username", "redactrice", verbosity=0)
    assert sign_in(client, "redactrice").status_code == 302


def test_a_success_before_the_limit_starts_the_count_again(client, editor):
    fail(client, "redactrice", settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(client, "redactrice").status_code == 302
    client.logout()
    assert not any(
        is_locked(r) for r in fail(client, "redactrice", settings.AXES_FAILURE_LIMIT - 1)
    )


def test_a_forwarded_address_is_ignored_without_a_proxy(client, editor):
    # Without BEHIND_PROXY, a client cannot escape the lock by claiming another address.
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "redactrice", WRONG, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    assert is_locked(sign_in(client, "redactrice", HTTP_X_FORWARDED_FOR="192.0.2.99"))


@override_settings(BEHIND_PROXY=True)
def test_behind_a_proxy_the_address_it_forwards_counts(client, editor):
    proxy = "10.0.0.2"
    # Whatever the client puts in front of the header itself is ignored: the proxy
    # appends the address it saw.
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(
            client, "redactrice", WRONG, ip=proxy, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, {IP}"
        )
    assert is_locked(sign_in(client, "redactrice", ip=proxy, HTTP_X_FORWARDED_FOR=IP))
    # Another visitor behind the same proxy is not locked.
    other = sign_in(client, "redactrice", ip=proxy, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert other.status_code == 302


@pytest.mark.parametrize(
    ("behind_proxy", "count", "forwarded", "expected"),
    [
        (False, 1, "192.0.2.1", "10.0.0.2"),
        (True, 1, "192.0.2.1", "192.0.2.1"),
        (True, 1, "6.6.6.6, 192.0.2.1", "192.0.2.1"),
        (True, 2, "6.6.6.6, 192.0.2.1, 10.0.0.9", "192.0.2.1"),
        (True, 1, "", "10.0.0.2"),
    ],
)
def test_client_address(settings, behind_proxy, count, forwarded, expected):
    settings.BEHIND_PROXY = behind_proxy
    settings.AXES_TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_axes_is_first_among_backends_and_last_among_middleware():
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


def test_public_pages_cost_axes_and_allauth_no_query_and_no_cookie(client):
    for url in ("/fr/", "/en/"):
        client.get(url)  # warm the caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies
        tables = " ".join(query["sql"] for query in queries.captured_queries)
        for table in ("axes_", "account_", "mfa_", "auth_user", "django_session"):
            assert table not in tables, (url, table)
