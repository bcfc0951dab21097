"""Passwords of 12 characters at least, wherever one is chosen: allauth and Wagtail."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from editorial.roles import EDITORS_GROUP
from tests.accounts.helpers import admin_home, sign_in
from tests.editorial.moderation_helpers import PASSWORD, form_data, make_user

pytestmark = pytest.mark.django_db

ELEVEN = "Zq8#vLp2!xR"  # 11 characters, otherwise a fine password
TWELVE = "Zq8#vLp2!xRw"
assert len(ELEVEN) == 11 and len(TWELVE) == 12
TOO_SHORT = "Ce mot de passe est trop court. Il doit contenir au minimum 12 caractères."


def test_changing_ones_password_refuses_eleven_characters(client):
    user = make_user("redactrice", EDITORS_GROUP)
    sign_in(client, "redactrice")
    url = reverse("account_change_password")
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, {"oldpassword": PASSWORD, "password1": ELEVEN, "password2": ELEVEN})
    assert response.status_code == 200
    assert TOO_SHORT in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    response = client.post(url, {"oldpassword": PASSWORD, "password1": TWELVE, "password2": TWELVE})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(TWELVE)


def reset_link(client, email):
    response = client.post(reverse("account_reset_password"), {"email": email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://testserver(/comptes/\S+)", mail.outbox[0].body).group(1)
    # The link puts the key in the session and sends on to the form.
    response = client.get(link)
    return response["Location"] if response.status_code == 302 else link


def test_a_forgotten_password_is_reset_by_email_with_twelve_characters_at_least(client):
    user = make_user("redactrice", EDITORS_GROUP)
    assert reverse("wagtailadmin_login") == "/admin/login/"
    assert "Mot de passe oublié" in client.get("/admin/login/").content.decode()
    form_url = reset_link(client, "redactrice@example.org")
    assert client.get(form_url).status_code == 200
    response = client.post(form_url, {"password1": ELEVEN, "password2": ELEVEN})
    assert response.status_code == 200
    assert TOO_SHORT in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)

    response = client.post(form_url, {"password1": TWELVE, "password2": TWELVE})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(TWELVE)
    # Not signed in by the reset: the next sign-in goes through the lock and the code.
    assert client.get(admin_home()).status_code == 302
    assert sign_in(client, "redactrice", TWELVE)["Location"] == admin_home()


def test_an_unknown_address_gets_the_same_answer(client):
    response = client.post(reverse("account_reset_password"), {"email": "personne@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")


def test_wagtails_user_creation_refuses_eleven_characters(client):
    client.force_login(make_user("admin", superuser=True))
    url = reverse("wagtailusers_users:add")
    page = client.get(url)
    assert page.status_code == 200

    def create(password):
        data = form_data(
            page,
            username="nouvelle",
            email="nouvelle@example.org",
            first_name="Nouvelle",
            last_name="Recrue",
            password1=password,
            password2=password,
        )
        return client.post(url, data)

    response = create(ELEVEN)
    assert response.status_code == 200
    assert TOO_SHORT in response.content.decode()
    assert not get_user_model().objects.filter(username="nouvelle").exists()
    response = create(TWELVE)
    assert response.status_code == 302
    assert get_user_model().objects.get(username="nouvelle").check_password(TWELVE)
