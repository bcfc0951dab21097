"""Full-page cache for anonymous visitors, in front of Wagtail.

A hit is answered before sessions, authentication, the locale machinery and
Wagtail run: no database query, one or two cache reads. What may be cached is
decided twice, conservatively:

- the request: GET or HEAD, no session cookie (an editor, or a visitor who
  entered a page password, always gets a fresh page and never fills the
  cache), a public path (not the admin, previews, documents or health checks);
- the response: 200, no cookie set (CSRF-protected forms set one), no
  ``Cache-Control: private/no-cache/no-store`` (search results, previews),
  no ``Vary`` on anything but ``Cookie``, ``Accept-Encoding`` and
  ``Accept-Language`` (which the key carries).

Keys carry the language, the scheme, host, path and query string: French and
English pages, and two hosts, never share an entry. Each entry is stamped
with the content version it was rendered at (core/version.py): after a
purge, the stamp no longer matches and the page is rendered afresh.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.utils.translation import get_language_from_request

from core import version

logger = logging.getLogger(__name__)

# Files: left to whitenoise, the media server and Wagtail's document view.
FILE_PREFIXES = ("/static/", "/media/", "/documents/")
# Never served from (nor stored in) the page cache: the admin (and its previews).
EXCLUDED_PREFIXES = ("/admin/", "/healthz/", "/livez/")
ALLOWED_VARY = {"cookie", "accept-encoding", "accept-language"}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(FILE_PREFIXES):
            return self.get_response(request)
        token = version.in_request()
        try:
            return self.respond(request)
        finally:
            version.end_request(token)

    def respond(self, request):
        if not is_public_request(request):
            return private(self.get_response(request))

        key = cached = None
        if settings.PAGE_CACHE:
            key, cached = self.lookup(request)
            if cached is not None:
                return replay(request, cached)

        response = self.get_response(request)
        if not is_public_response(request, response):
            return private(response)
        public_cache_control(response)
        if key is not None:
            self.store(request, key, response)
            response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def lookup(request):
        """The page's key, and its cached copy if it is of the current content version."""
        try:
            # The language is in the path of every page; elsewhere (sitemap.xml,
            # robots.txt) the one LocaleMiddleware will negotiate.
            language = language_of(request)
            raw = f"{language}:{request.scheme}://{request.get_host()}{request.get_full_path()}"
            digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()
            key = f"pagecache:page:{digest}"
            # One round trip to Redis for both the version and the page.
            found = cache.get_many([version.KEY, key])
        except DisallowedHost:
            raise  # a 400 (handler400 answers in the language of the URL)
        except Exception:  # a cache outage degrades to rendering, never to an error
            cache_failed("read")
            return None, None
        cache_recovered()
        current = found.get(version.KEY)
        if not isinstance(current, str):  # no version yet: the render starts one
            return key, None
        version.remember(request, current)
        cached = found.get(key)
        if cached is not None and cached[0] == current:
            return key, cached
        return key, None

    @staticmethod
    def store(request, key, response):
        response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
        try:
            # Stamped with the version read when the request began: a render that
            # overlapped a purge is stale at once. The response is stored whole, as
            # Django's own cache middleware does (HttpResponse pickles without its
            # request-bound parts).
            stamp = version.content_version(request)
            cache.set(key, (stamp, response), settings.PAGE_CACHE_TIMEOUT)
        except Exception:
            cache_failed("write")


PREFIXES = {f"/{code}/": code for code, _name in settings.LANGUAGES}


def language_of(request):
    path = request.path_info
    return PREFIXES.get(path[: path.find("/", 1) + 1]) or get_language_from_request(request)


def is_public_request(request):
    """A request whose answer may be shared: anonymous, read-only, on a public path."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(EXCLUDED_PREFIXES)
    )


def is_public_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= ALLOWED_VARY


def private(response):
    """What an editor or a visitor with a session sees is theirs alone."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_cache=True)
    return response


def replay(request, cached):
    _stamp, response = cached
    etag = response.get("ETag")
    if etag and etag in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", "")):
        not_modified = HttpResponseNotModified()
        for header in ("ETag", "Cache-Control", "Vary", "Content-Language"):
            if header in response:
                not_modified[header] = response[header]
        response = not_modified
    response["X-Cache"] = "HIT"
    return response


# Log a cache outage when it starts and when it ends, not on every request.
_cache_down = False


def cache_failed(operation):
    global _cache_down
    if not _cache_down:
        _cache_down = True
        logger.exception("Page cache unavailable (%s): pages are rendered uncached", operation)


def cache_recovered():
    global _cache_down
    if _cache_down:
        _cache_down = False
        logger.warning("Page cache available again")


def public_cache_control(response):
    """Let a CDN or reverse proxy keep a public page briefly; browsers revalidate."""
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=settings.PAGE_CACHE_CDN_SECONDS,
        stale_while_revalidate=settings.PAGE_CACHE_STALE_SECONDS,
    )
    patch_vary_headers(response, ["Cookie"])
