"""Two-factor authentication (django-allauth): required of administrators and moderators."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission
from django.test import override_settings
from django.urls import reverse

from accounts.mfa import mfa_required
from editorial.roles import EDITORS_GROUP, MODERATORS_GROUP
from tests.accounts.helpers import (
    LOGIN_URL,
    activate_totp,
    admin_home,
    current_code,
    sign_in,
    wrong_code,
)
from tests.editorial.moderation_helpers import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mfa_required_on")]

ACTIVATE = "/comptes/2fa/totp/activate/"
AUTHENTICATE = "/comptes/2fa/authenticate/"


@pytest.fixture
def mfa_required_on():
    # campus/settings/test.py turns it off for the rest of the suite (force_login).
    with override_settings(ACCOUNTS_MFA_REQUIRED=True):
        yield


@pytest.fixture
def moderator():
    return make_user("validateur", MODERATORS_GROUP)


def assert_staff_page(response):
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "<style" not in html and "style=" not in html
    # allauth's only inline scripts are JSON data (type="application/json"), never run.
    assert "<script>" not in html and "<script src" not in html.replace('<script src="/static/', "")


def test_the_urls_are_allauths():
    assert reverse("mfa_activate_totp") == ACTIVATE
    assert reverse("mfa_authenticate") == AUTHENTICATE
    assert reverse("wagtailadmin_login") == LOGIN_URL


@pytest.mark.parametrize("role", ["moderator", "superuser", "wagtail_moderator", "user_manager"])
def test_who_must_use_two_factor_authentication(role):
    if role == "moderator":
        user = make_user("validateur", MODERATORS_GROUP)
    elif role == "superuser":
        user = make_user("admin", superuser=True)
    elif role == "wagtail_moderator":
        user = make_user("moderateur", "Moderators")
    else:
        group = Group.objects.create(name="Gestion des comptes")
        group.permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="add_user"),
        )
        user = make_user("gestionnaire", group.name)
    assert mfa_required(user)


def test_editors_may_choose():
    assert not mfa_required(make_user("redactrice", EDITORS_GROUP))


@pytest.mark.parametrize("superuser", [False, True])
def test_without_an_authenticator_a_moderator_is_sent_to_the_setup(client, superuser):
    if superuser:
        make_user("validateur", superuser=True)
    else:
        make_user("validateur", MODERATORS_GROUP)
    response = sign_in(client, "validateur")
    assert response.status_code == 302
    assert response["Location"] == admin_home()
    for url in (admin_home(), reverse("wagtailadmin_explore_root"), "/admin/pages/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == ACTIVATE
    # The setup page itself, and signing out, stay open.
    setup = client.get(ACTIVATE)
    assert setup.status_code == 200
    assert_staff_page(setup)
    assert "<svg" in setup.content.decode()  # the QR code, inline (no data: image)
    reason = "Votre rôle demande l&#x27;authentification à deux facteurs"
    assert setup.content.decode().count(reason) == 1
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302
    assert client.get(admin_home()).status_code == 302
    assert client.get(admin_home())["Location"].startswith(LOGIN_URL)


def test_a_moderator_sets_up_the_app_then_enters_the_admin(client, moderator):
    sign_in(client, "validateur")
    response = client.get(ACTIVATE)
    secret = response.context["form"].secret
    response = client.post(ACTIVATE, {"code": current_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=moderator, type=Authenticator.Type.TOTP).exists()
    # Recovery codes come with it, shown once.
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert client.get(response["Location"]).status_code == 200
    assert client.get(admin_home()).status_code == 200


def test_an_editor_without_an_authenticator_enters_the_admin(client):
    make_user("redactrice", EDITORS_GROUP)
    response = sign_in(client, "redactrice")
    assert response["Location"] == admin_home()
    assert client.get(admin_home()).status_code == 200


def test_editors_find_the_setup_in_their_account_menu(client):
    make_user("redactrice", EDITORS_GROUP)
    sign_in(client, "redactrice")
    html = client.get(reverse("wagtailadmin_account")).content.decode()
    assert "Authentification à deux facteurs" in html
    assert f'href="{reverse("mfa_index")}"' in html
    assert client.get(reverse("mfa_index")).status_code == 200


@pytest.mark.parametrize("login_url", [LOGIN_URL, "/comptes/login/"])
def test_with_an_authenticator_the_code_is_asked_for(client, moderator, login_url):
    secret = activate_totp(moderator)
    response = client.post(
        login_url, {"login": "validateur", "password": "un mot de passe assez long"}
    )
    assert response.status_code == 302
    assert response["Location"] == AUTHENTICATE
    # Not signed in yet: the admin still sends to the login page.
    admin = client.get(admin_home())
    assert admin.status_code == 302 and admin["Location"].startswith(LOGIN_URL)

    page = client.get(AUTHENTICATE)
    assert page.status_code == 200
    assert_staff_page(page)
    assert '<label for="id_code">' in page.content.decode()

    refused = client.post(AUTHENTICATE, {"code": wrong_code(secret)})
    assert refused.status_code == 200
    assert refused.context["form"].errors
    assert client.get(admin_home()).status_code == 302

    accepted = client.post(AUTHENTICATE, {"code": current_code(secret)})
    assert accepted.status_code == 302
    assert client.get(admin_home()).status_code == 200


def test_the_code_step_keeps_where_the_user_was_going(client, moderator):
    secret = activate_totp(moderator)
    target = reverse("wagtailadmin_explore_root")
    response = client.get(target)
    assert response["Location"] == f"{LOGIN_URL}?next={target}"
    client.post(
        response["Location"], {"login": "validateur", "password": "un mot de passe assez long"}
    )
    response = client.post(AUTHENTICATE, {"code": current_code(secret)})
    assert response["Location"] == target


def test_a_recovery_code_replaces_the_app(client, moderator):
    activate_totp(moderator)
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    code = RecoveryCodes.activate(moderator).get_unused_codes()[0]
    sign_in(client, "validateur")
    client.post(AUTHENTICATE, {"code": code})
    assert client.get(admin_home()).status_code == 200


def test_wagtails_own_login_view_is_never_reached(client, moderator):
    activate_totp(moderator)
    page = client.get(LOGIN_URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="login"' in html  # allauth's form, not Wagtail's (name="username")
    assert 'name="username"' not in html
    assert_staff_page(page)
    # Wagtail's form fields posted to the same URL sign nobody in.
    client.post(LOGIN_URL, {"username": "validateur", "password": "un mot de passe assez long"})
    assert client.get(admin_home()).status_code == 302


def test_nobody_signs_up(client):
    response = client.get(reverse("account_signup"))
    assert "Inscriptions fermées" in response.content.decode() or response.status_code != 200
    client.post(
        reverse("account_signup"),
        {
            "username": "intrus",
            "email": "intrus@example.org",
            "password1": "un mot de passe tres long",
            "password2": "un mot de passe tres long",
        },
    )
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="intrus").exists()


def test_the_setup_asks_for_the_password_again_after_a_while(client, moderator):
    sign_in(client, "validateur")
    session = client.session
    records = session["account_authentication_methods"]
    records[-1]["at"] -= 10 * 60
    session["account_authentication_methods"] = records
    session.save()
    response = client.get(ACTIVATE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert_staff_page(page)
    response = client.post(response["Location"], {"password": "un mot de passe assez long"})
    assert response["Location"] == ACTIVATE
    assert client.get(ACTIVATE).status_code == 200
