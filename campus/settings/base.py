"""Settings shared by every environment: secure by default.

Values come from the environment (12-factor). ``dev`` and ``test`` only relax
what they must; ``production`` adds the deployment hardening.
"""

import hashlib
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from wagtail.embeds import oembed_providers

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
    "core",
    "content",
    "backups",
    "seo",
    "pagecache",
    "home",
    "mission",
    "partners",
    "news",
    "press",
    "editorial",
    "search",
    "images",
    "documents",
    "navigation",
    "accounts",
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
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
]

MIDDLEWARE = [
    # First: a cached page is answered before anything else runs, with the headers
    # every middleware below added when it was rendered (pagecache/).
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy (settings at the end of this file).
    "campus.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: picks the language from the URL prefix
    # and redirects "/" by Accept-Language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Administrators and moderators without two-factor authentication: to its setup.
    "accounts.middleware.RequireMFAMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a locked-out sign-in into the 429 page (accounts/, settings below).
    "axes.middleware.AxesMiddleware",
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


def database_namespace(database):
    """The cache key prefix of a database: sites that share one Redis or one cache folder
    but not their database never read each other's entries (pages, counts, versions)."""
    identity = "|".join(
        str(database.get(name) or "") for name in ("ENGINE", "HOST", "PORT", "NAME")
    )
    return "campus-" + hashlib.sha256(identity.encode()).hexdigest()[:12]


CACHE_KEY_PREFIX = database_namespace(DATABASES["default"])

# Cache: Redis shared between app servers when REDIS_URL is set, local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Degrades to "nothing cached" while Redis is down (pagecache/rediscache.py).
            "BACKEND": "pagecache.rediscache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
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
            "KEY_PREFIX": CACHE_KEY_PREFIX,
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

# Admin accounts (accounts/). Staff sign in with django-allauth, at the admin's own
# login URL (/admin/login/, answered by allauth: accounts/urls.py) or /comptes/login/:
# username or email, password, then the code of their authenticator app once they have
# one. Administrators and moderators must set one up before the admin lets them in;
# editors may. django-axes locks a username from one address after repeated failures.
# Without a reverse proxy, the socket's address is the client's; behind one (nginx, a
# load balancer, a CDN), BEHIND_PROXY=1 makes the last TRUSTED_PROXY_COUNT entries of
# X-Forwarded-For (those the proxies appended) count, and X-Forwarded-Proto too.
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "wagtailadmin_login"
LOGIN_REDIRECT_URL = "wagtailadmin_home"
# No public signup, no social accounts, no email verification: accounts are created by
# an administrator in Wagtail. Forgotten passwords: allauth's reset (email link).
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_LOGOUT_REDIRECT_URL = "wagtailadmin_login"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[PariSanté Campus] "
# allauth's own count of failed sign-ins (password, and authenticator codes), above
# django-axes' lock so that axes answers first: per account whatever the address
# (guessing from many addresses), and for codes, per user.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,10/15m/key"}
WAGTAIL_PASSWORD_RESET_ENABLED = False
MFA_ADAPTER = "accounts.adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "PariSanté Campus"
# A code from the previous or next 30 seconds too: phones whose clock is slightly off.
MFA_TOTP_TOLERANCE = 1
# Who must have two-factor authentication: superusers, anyone who may manage accounts
# and these groups (editorial/roles.py; Wagtail's own « Moderators » may publish too).
ACCOUNTS_MFA_REQUIRED = env_bool("ADMIN_MFA_REQUIRED", True)
ACCOUNTS_MFA_REQUIRED_GROUPS = ["Validation", "Moderators"]
# Lockout: AXES_FAILURE_LIMIT failed sign-ins for one username from one address lock
# that pair for AXES_COOLOFF_MINUTES (HTTP 429, accounts/lockout.py).
# Unlock earlier: `manage.py axes_reset_username <username>`.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_USERNAME_FORM_FIELD = "login"
AXES_USERNAME_CALLABLE = "accounts.axes.client_username"
# django-ipware is not installed: the address comes from accounts/axes.py instead.
AXES_CLIENT_IP_CALLABLE = "accounts.axes.client_ip"
AXES_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)

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
# Content languages as the admin names them, in the admin's language (« Anglais » in
# French, "French" in English); LANGUAGES keeps each language in its own name, as the
# public language switcher and the admin's language preference show it.
WAGTAIL_CONTENT_LANGUAGES = [("fr", _("Français")), ("en", _("Anglais"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# locale/overrides/ first: corrections of Wagtail's, wagtail-localize's and allauth's
# French (scripts/catalogues.py compiles it; `make messages` never touches it).
LOCALE_PATHS = [BASE_DIR / "locale" / "overrides", BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
# Dates as French staff write them, in both admin languages: the admin's date pickers
# show and read jj/mm/aaaa hh:mm. campus/formats/en/ makes Django read that format in
# English too, where it would otherwise read 02/12/2026 as February 12th.
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
FORMAT_MODULE_PATH = ["campus.formats"]
# Every schedule is in Paris time: no per-user admin time zone (the preference is hidden).
WAGTAIL_USER_TIME_ZONES = ["Europe/Paris"]
# No autosave: it posts the whole edit form, the schedule dialog's dates included, so a
# go-live date typed and never confirmed with « Enregistrer la programmation » was stored.
WAGTAIL_AUTOSAVE_INTERVAL = 0

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
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "PariSanté Campus"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.CampusImage"
WAGTAILIMAGES_EXTENSIONS = ["avif", "jpg", "jpeg", "png", "webp"]
# Press photos: a 7000×5000 (35 Mpx) high-quality JPEG fits both limits; decoding
# one takes ~140 MB of memory, so bigger images are refused before being decoded.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 36_000_000
# Refuses corrupt, mismatched and oversized uploads with a French form error (not a 500).
WAGTAILIMAGES_IMAGE_FORM_BASE = "images.forms.CampusImageForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Checks that each file's content is what its extension says (documents/forms.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.CampusDocumentForm"
# Documents are always downloaded, never opened in the browser; served by Django so
# that view restrictions apply, with sandboxing headers (documents/sendfile.py, which
# replaces Wagtail's weaker CSP: keep both lines below together).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_SERVE_METHOD = "serve_view"
SENDFILE_BACKEND = "documents.sendfile"
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = False
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


# Content-Security-Policy (django-csp, campus/security.py). Public pages run no inline
# script or style and load everything from this site; embeds come only from the players
# of the providers in WAGTAILEMBEDS_FINDERS below. No nonce: cached pages are served
# to everyone with the same headers (pagecache/).
EMBED_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
    "https://geo.dailymotion.com",
]
# The embeds editors can add (EmbedBlock): videos of the campus's channels. Any other
# address is refused in the admin form, so frame-src above stays the complete list.
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [
            oembed_providers.youtube,
            oembed_providers.vimeo,
            oembed_providers.dailymotion,
        ],
    }
]
_MEDIA_SOURCES = [SELF] + ([MEDIA_URL] if MEDIA_URL.startswith("https://") else [])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": _MEDIA_SOURCES,
        "media-src": _MEDIA_SOURCES,
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "frame-src": EMBED_FRAME_SOURCES,
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Wagtail's admin needs its inline scripts and styles (and shows previews and embeds of
# any provider while editing): no fetch restrictions there, the rest stays.
ADMIN_URL_PREFIXES = ["/admin/"]
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
# Previews (campus/security.py) keep the public policy above, framed by the admin only.
PREVIEW_FRAME_ANCESTORS = [SELF]
# Browser features the site never uses, refused to the pages and to the players they embed.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)
# Staff e-mail addresses are not sent (hashed) to Gravatar for admin avatars.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
