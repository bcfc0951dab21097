"""Signing in the way a browser does: through the admin's login page, from an address."""

import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.urls import reverse

from tests.editorial.moderation_helpers import PASSWORD

LOGIN_URL = "/admin/login/"
IP = "203.0.113.10"


def sign_in(client, login, password=PASSWORD, ip=IP, **extra):
    return client.post(LOGIN_URL, {"login": login, "password": password}, REMOTE_ADDR=ip, **extra)


def current_code(secret):
    """The code an authenticator app shows now, computed with allauth's own TOTP helpers."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def wrong_code(secret):
    """A code no clock drift allowance would accept."""
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    valid = {format_hotp_value(hotp_value(secret, counter + i)) for i in range(-2, 3)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in valid)


def activate_totp(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def admin_home():
    return reverse("wagtailadmin_home")
