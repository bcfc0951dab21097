import posixpath
import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views import defaults, static
from django.views.decorators.cache import never_cache

# Where Wagtail stores document files, inside MEDIA_ROOT.
DOCUMENTS_FOLDER = "documents/"

# What a stopped or unreachable database raises (not a bad query: that is a 500).
DATABASE_DOWN = (OperationalError, InterfaceError)


@never_cache
def livez(request):
    """Liveness: the process answers. Never touches the database or the cache, so an
    orchestrator restarts a stuck worker, not a healthy one waiting for PostgreSQL."""
    return JsonResponse({"status": "ok"})


@never_cache
def healthz(request):
    """Readiness: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


def media(request, path):
    """Uploads, when Django serves them itself (``SERVE_MEDIA``, development): images and
    their renditions. Documents are only ever served by /documents/, which applies their
    collection's privacy and the download headers (documents/sendfile.py)."""
    if not (settings.SERVE_MEDIA or settings.DEBUG):
        raise Http404
    if posixpath.normpath(path).lstrip("/").startswith(DOCUMENTS_FOLDER):
        raise Http404
    return static.serve(request, path, document_root=settings.MEDIA_ROOT)


# The 500 page is written here, not translated through the catalogues: it must render
# even when what failed is a missing or broken file, and it never touches the database.
SERVER_ERROR_TEXTS = {
    "fr": {
        "title": "Le site rencontre un problème",
        "lead": (
            "Une erreur s’est produite de notre côté. Merci de réessayer dans quelques minutes."
        ),
        "home": "Retour à l’accueil",
        "search": "Rechercher sur le site",
        "search_url": "/fr/recherche/",
        "other_language": ("en", "/en/", "English version"),
    },
    "en": {
        "title": "Something went wrong",
        "lead": "An error occurred on our side. Please try again in a few minutes.",
        "home": "Back to the home page",
        "search": "Search the site",
        "search_url": "/en/search/",
        "other_language": ("fr", "/fr/", "Version française"),
    },
}


# The database is down (or unreachable): a 503 that says to come back, not a 500.
UNAVAILABLE_TEXTS = {
    "fr": {
        "title": "Site momentanément indisponible",
        "lead": "Le site est en maintenance ou surchargé. Merci de réessayer dans une minute.",
    },
    "en": {
        "title": "Temporarily unavailable",
        "lead": "The site is under maintenance or overloaded. Please try again in a minute.",
    },
}
RETRY_AFTER_SECONDS = 60


def error_language(request):
    """The language of the URL prefix (/en/… is English), French otherwise."""
    language = translation.get_language_from_path(request.path)
    return language if language in SERVER_ERROR_TEXTS else "fr"


def bad_request(request, exception, template_name="400.html"):
    """handler400: Django's own view, in the language of the URL whatever is active.

    A foreign ``Host`` header can be refused before LocaleMiddleware has run (by the
    page cache or SecurityMiddleware's HTTPS redirect, which read the host first):
    the active language is then whatever the thread's previous request left. The
    template (templates/400.html) needs no request and no database.
    """
    with translation.override(error_language(request)):
        return defaults.bad_request(request, exception, template_name=template_name)


def server_error(request, template_name="500.html"):
    """handler500: the site's design in the language of the URL, with no database query.

    Rendered without the request, so no context processor runs (the settings one of
    wagtail.contrib.settings queries the database); the template gets static texts.
    When what failed is the database (Django calls this inside its ``except``, so
    the exception is at hand), the answer is a 503 with ``Retry-After``: the site
    comes back by itself once the database does (connections are checked, and
    reopened, at each request).
    """
    language = error_language(request)
    unavailable = isinstance(sys.exc_info()[1], DATABASE_DOWN)
    texts = SERVER_ERROR_TEXTS[language]
    if unavailable:
        texts = {**texts, **UNAVAILABLE_TEXTS[language]}
    code, url, label = texts["other_language"]
    context = {
        "language": language,
        "home_url": f"/{language}/",
        "other_language": {"code": code, "url": url, "label": label},
        **{key: value for key, value in texts.items() if key != "other_language"},
    }
    with translation.override(language):
        html = render_to_string(template_name, context)
    if unavailable:
        response = HttpResponse(html, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(html)
