"""Production: HTTPS only, refuses to start without a secret key."""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_int, require_secret_key

SECRET_KEY = require_secret_key(SECRET_KEY)  # noqa: F405
DEBUG = False

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Where plain HTTP is redirected, when not the same host (e.g. "www.example.org").
SECURE_SSL_HOST = os.environ.get("SECURE_SSL_HOST") or None
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Mail goes out through the SMTP server given in the environment (EMAIL_* in base.py).
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

# Preloading is a commitment for the whole domain, taken by its owner, not by
# this codebase: off by default, so its reminder (W021) is silenced. The
# HTTPS settings can be turned off for a local trial over plain HTTP, and
# `check --deploy` then says so.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
