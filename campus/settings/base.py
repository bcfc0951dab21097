"""Settings shared by every environment: secure by default.

Values come from the environment (12-factor). ``dev`` and ``test`` only relax
what they must; ``production`` adds the deployment hardening.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "campus"


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# No fallback here: an unset key must stop the site rather than run it with a
# guessable one. dev and test set their own throwaway key.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "campus",
    "pagecache",
    "home",
    "mission",
    "partners",
    "news",
    "press",
    "editorial",
    "search",
    "images",
    "navigation",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: a cached page is answered before anything else runs, with the headers
    # every middleware below added when it was rendered (pagecache/).
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: picks the language from the URL prefix
    # and redirects "/" by Accept-Language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "campus.urls"
WSGI_APPLICATION = "campus.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "pagecache.context_processors.page_cache",
            ],
        },
    },
]

# Database: an embedded SQLite file unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable PostgreSQL costs a request at most this long (a stopped one
    # refuses at once): the visitor gets the 503 page, not a hang.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env_int(
        "DB_CONNECT_TIMEOUT", 3
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis shared between app servers when REDIS_URL is set, local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Degrades to "nothing cached" while Redis is down (pagecache/rediscache.py).
            "BACKEND": "pagecache.rediscache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "campus",
            # A Redis that does not answer costs at most this long, then is left
            # alone for a few seconds.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    # Files shared by the workers of one server: a publish purges them all at once
    # (a per-process memory cache would leave the other workers stale).
    CACHES = {
        "default": {
            "BACKEND": "pagecache.filecache.FileCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# Wagtail writes each rendition it uses to this cache, on every render: in
# process memory, not in a file or Redis round trip per image per request.
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "TIMEOUT": 600,
    "OPTIONS": {"MAX_ENTRIES": 5_000},
}

# Full-page cache for anonymous visitors (pagecache/): on unless PAGE_CACHE=0.
# Publishing anything purges it at once, so the timeout only bounds memory.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 24 * 3600)
# What a CDN or reverse proxy may do with a public page (Cache-Control): keep it
# PAGE_CACHE_CDN_SECONDS, then serve it stale for PAGE_CACHE_STALE_SECONDS while
# it refetches. Browsers always revalidate (max-age=0, ETag).
PAGE_CACHE_CDN_SECONDS = env_int("PAGE_CACHE_CDN_SECONDS", 300)
PAGE_CACHE_STALE_SECONDS = env_int("PAGE_CACHE_STALE_SECONDS", 60)


def frontend_cache_backends():
    """Where Wagtail sends purges: the site's own page cache, plus a CDN or proxy if set.

    ``FRONTEND_CACHE_PURGE_URL``: a Varnish/nginx/Squid accepting PURGE requests;
    ``CLOUDFLARE_ZONE_ID`` + ``CLOUDFLARE_BEARER_TOKEN``: Cloudflare's API.
    """
    backends = {"pagecache": {"BACKEND": "pagecache.backends.PageCacheBackend"}}
    if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
        backends["proxy"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    if os.environ.get("CLOUDFLARE_ZONE_ID"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
            "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        }
    hostnames = env_list("FRONTEND_CACHE_HOSTNAMES")
    for name, backend in backends.items():
        if hostnames and name != "pagecache":
            backend["HOSTNAMES"] = hostnames
    return backends


WAGTAILFRONTENDCACHE = frontend_cache_backends()
# Purged URLs are already per language (translated slugs): Wagtail must not
# rewrite /fr/ into /en/ in them.
WAGTAILFRONTENDCACHE_LANGUAGES = []

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: French is the source and default language.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
# Translating a live French page must not publish its English copy: translations go
# live when a moderator publishes them, like everything else.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Tag slugs are filter values in news URLs (?tag=antoine-tesniere): ASCII only.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# Static files and uploads.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Django only serves uploads itself when this is on (single-server setups
# without a reverse proxy in front of MEDIA_ROOT); DEBUG turns it on too.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

# Security defaults; production turns on the HTTPS-only parts.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY", False) else None
)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "PariSanté Campus"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.CampusImage"
WAGTAILIMAGES_EXTENSIONS = ["avif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Refuses corrupt, mismatched and oversized uploads with a French form error (not a 500).
WAGTAILIMAGES_IMAGE_FORM_BASE = "images.forms.CampusImageForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Wagtail's database backend, bilingual (search/backends.py): on PostgreSQL, full-text
# search with the text search configuration of each page's language; on SQLite, FTS5
# with prefix matching. Run `manage.py update_index` after changing this block.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends",
        "LANGUAGE_CONFIGS": {"fr": "french", "en": "english"},
    }
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Email: moderation notifications and any other mail the site sends. SMTP
# settings come from the environment; production uses them, development
# prints mail on the console and tests keep it in memory.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "PariSanté Campus <ne-pas-repondre@parisantecampus.fr>"
)
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Wagtail's moderation emails (submitted, approved, changes requested).
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get(
    "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", DEFAULT_FROM_EMAIL
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # Wagtail's background tasks run inline and log every start and end.
        "django_tasks": {"level": "WARNING"},
    },
}

SITE_DESCRIPTION = _("Le campus parisien du numérique en santé")


def require_secret_key(key):
    if not key:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Generate one with "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'` "
            "and pass it in the environment."
        )
    return key
