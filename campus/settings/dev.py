"""Local development: debug on, a throwaway key, console email."""

from .base import *  # noqa: F403
from .base import env_bool, env_list

# On unless DEBUG=0 (`make run` turns it off: visitors' error pages, not tracebacks).
DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-used-in-production"  # noqa: F405, S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
SERVE_MEDIA = True
# runserver serves static files from the source folders: no collectstatic needed.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Template and code changes show at once: no full-page cache unless PAGE_CACHE=1.
PAGE_CACHE = env_bool("PAGE_CACHE", False)
