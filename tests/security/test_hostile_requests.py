"""Hostile requests: malformed, oversized or malicious input never gets a 5xx.

Every request below is sent to the site with its real content (both languages,
loaded once per session by tests/conftest.py), through a client that lets a
server error come back as a 500 response instead of raising, and that checks
CSRF tokens as a browser-less attacker meets them. For each one:

- the status is below 500;
- an error page (4xx, HTML) is in the language of the URL: ``<html lang="en">``
  and English text for /en/… (and /En/…: Django reads prefixes case-insensitively),
  ``lang="fr"`` and French text for everything else. Texts are the error titles
  (French source strings) as the catalogue of each language translates them; the
  thread's active language is set to the wrong one before each request, so a page
  that does not set its own shows up;
- no response redirects off-site, nor echoes a script unescaped, nor shows a
  file from outside the static, media and document folders.

The whole list runs twice: page cache off, then on (where the request is sent a
second time, which may be answered from the cache: it must be the same answer).

This module is also the URLconf of its tests: the site's URLs plus the media
view (``SERVE_MEDIA``), so the media folder's traversal requests reach Django's
``serve`` as they do on a server that serves its uploads itself.
"""

import re
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import DisallowedHost
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import path
from django.utils import translation
from django.utils.translation import gettext
from django.views.static import serve

from campus import urls as campus_urls
from campus.views import bad_request
from content.legal import LEGAL_PAGES
from content.news import AMBITIONS, NEWS_INDEX
from content.pages import SEARCH as SEARCH_PAGE
from tests import hostile_inputs
from tests.editorial.moderation_helpers import PASSWORD
from tests.factories import make_document
from tests.home import shipped
from tests.hostile_inputs import XSS

urlpatterns = [
    path(
        f"{settings.MEDIA_URL.strip('/')}/<path:path>",
        serve,
        {"document_root": settings.MEDIA_ROOT},
    ),
    *campus_urls.urlpatterns,
]
for _code in (400, 403, 404, 500):
    if hasattr(campus_urls, f"handler{_code}"):
        globals()[f"handler{_code}"] = getattr(campus_urls, f"handler{_code}")

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def hostile_urlconf():
    """This module as the URLconf of its tests, set once for the module: the
    ``pytest.mark.urls`` mark sets it around each test, which rebuilds the URL resolvers
    (the admin's hundreds of patterns) for each of the thousand requests."""
    with override_settings(ROOT_URLCONF=__name__):
        yield


# The <h1> of every error page the site shows (French source texts), and in each language.
ERROR_TITLES = ["Page introuvable", "Requête incorrecte", "Accès refusé"]


def error_titles(language):
    with translation.override(language):
        return {gettext(title) for title in ERROR_TITLES}


# (method, path, headers): the language is the one of the path (French unless /en/).
NEWS = shipped.urls(NEWS_INDEX)
SEARCH = shipped.urls(SEARCH_PAGE)
ARTICLE = shipped.urls(AMBITIONS)
# Every kind of page the content ships (one page of each model, and the legal pages, which
# are standard pages with required mentions), in both languages.
KINDS = shipped.one_of_each_model()
EVERY_KIND = [
    shipped.url(spec, code)
    for spec in KINDS + [page for page in LEGAL_PAGES if page not in KINDS]
    for code in ("fr", "en")
]

LISTING_PARAMS = [
    *(hostile_inputs.query(page=value) for value in hostile_inputs.PAGE_NUMBERS),
    *(
        hostile_inputs.query(**{name: value})
        for name in ("category", "tag")
        for value in hostile_inputs.UNKNOWN_SLUGS
    ),
    *(hostile_inputs.query(year=value) for value in hostile_inputs.YEARS),
    # Shapes a form never sends: twice, as an array, empty, unknown, unescaped.
    "page=1&page=2",
    "page[]=1",
    "page=",
    "year[]=x",
    "year=2021&year=2022",
    "category=portrait&category=evenement",
    "unknown=1",
    "category[]=portrait",
    "tag=" + XSS,
]

SEARCH_QUERIES = [
    *(
        hostile_inputs.query(q=value)
        for value in hostile_inputs.SEARCH_QUERIES + hostile_inputs.BLANK_QUERIES
    ),
    "q=campus&q=sant%C3%A9",
    "q[]=campus",
    "q=" + XSS,
]


NOT_FOUND = (404,)
BAD = (400,)
CLIENT_ERROR = tuple(range(400, 500))
# Parameters the news index ignores or accepts (the others are a 404).
ALLOWED_PARAMS = {
    "page[]=1": (200,),
    "year[]=x": (200,),
    "unknown=1": (200,),
    "category[]=portrait": (200,),
    # The last value counts, as for any form: 200 when it is one the page offers.
    "year=2021&year=2022": None,
    "category=portrait&category=evenement": None,
}


def requests():
    """Every hostile request: (id, method, path, headers)."""
    cases = []

    def add(method, url, expect=None, **headers):
        extra = " ".join(f"{name[5:]}={value[:20]}" for name, value in headers.items())
        name = f"{method} {url[:70]} {extra}".strip()
        cases.append(pytest.param(method, url, headers, expect, id=name))

    for code in ("fr", "en"):
        for params in LISTING_PARAMS:
            add("GET", f"{NEWS[code]}?{params}", expect=ALLOWED_PARAMS.get(params, NOT_FOUND))
        for params in SEARCH_QUERIES:
            add("GET", f"{SEARCH[code]}?{params}")
        for value in hostile_inputs.PAGE_NUMBERS:
            add(
                "GET",
                f"{SEARCH[code]}?q=campus&{hostile_inputs.query(page=value)}",
                expect=NOT_FOUND,
            )
        # Feeds, with bad parameters and unknown categories.
        for feed in ("rss/", "atom/", "rss/portrait/", "atom/evenement/"):
            add("GET", f"{NEWS[code]}{feed}?page=abc&category=nope&q=%00")
        for feed in ("rss/nope/", "atom/%3Cscript%3E/", "rss/portrait/extra/", "rss/../atom/"):
            add("GET", f"{NEWS[code]}{feed}")
        # Unknown slugs at every level, trailing garbage, doubled and encoded slashes.
        add("GET", f"/{code}/nope/")
        add("GET", f"{NEWS[code]}nope/")
        add("GET", f"{ARTICLE[code]}nope/")
        add("GET", f"{ARTICLE[code]}nope/deeper/")
        add("GET", f"{ARTICLE[code][:-1]};jsessionid=1")
        add("GET", f"{ARTICLE[code][:-1]}.php")
        add("GET", f"{ARTICLE[code]}%00/")
        add("GET", f"{NEWS[code]}%2e%2e/%2e%2e/etc/passwd")
        add("GET", f"/{code}//")
        add("GET", f"{NEWS[code]}/")
        for slug in (NEWS_INDEX.slug.fr, NEWS_INDEX.slug.en):
            add("GET", f"/{code}/%2F{slug}%2F")
        add("GET", f"{NEWS[code][:-1]}%2F")
        add("GET", f"/{code}/" + "a/" * 1000)
        add("GET", f"/{code}/" + "a" * 5000 + "/")
        add("GET", f"/{code}/%ff%fe/")
        add("GET", f"/{code}/actualit%C3%A9s/")
        # Methods, conditional and range requests on every kind of page.
        for method in ("PUT", "DELETE", "PATCH", "OPTIONS", "POST", "HEAD", "TRACE"):
            add(method, NEWS[code])
        add("PUT", ARTICLE[code])
        add("DELETE", SEARCH[code])
        for etag in hostile_inputs.BAD_ETAGS:
            add("GET", ARTICLE[code], HTTP_IF_NONE_MATCH=etag)
        for date in hostile_inputs.BAD_DATES:
            add("GET", ARTICLE[code], HTTP_IF_MODIFIED_SINCE=date)
        for byte_range in hostile_inputs.BAD_RANGES:
            add("GET", ARTICLE[code], HTTP_RANGE=byte_range)
        # Oversized and odd headers and query strings.
        add("GET", NEWS[code], HTTP_COOKIE="a=" + "x" * 16 * 1024)
        add("GET", NEWS[code], HTTP_COOKIE="sessionid=" + "x" * 4000 + "; csrftoken=%00")
        for accept_language in hostile_inputs.BAD_ACCEPT_LANGUAGES:
            add("GET", NEWS[code], HTTP_ACCEPT_LANGUAGE=accept_language)
            add("GET", NEWS[code] + "nope/", HTTP_ACCEPT_LANGUAGE=accept_language)
        add("GET", f"{NEWS[code]}?" + "x=" + "y" * 50 * 1024)
        add("GET", f"{NEWS[code]}?" + "&".join(["a=1"] * 11_000))
        add("GET", SEARCH[code] + "?q=" + "x" * 50 * 1024)
        # A foreign Host, and a Host with port garbage.
        for host in hostile_inputs.REFUSED_HOSTS:
            for url in (NEWS[code], f"{NEWS[code]}nope/", SEARCH[code] + "?q=campus"):
                add("GET", url, expect=BAD, HTTP_HOST=host)
        add("GET", NEWS[code], HTTP_HOST="testserver:99999999999999999999")
        add("GET", NEWS[code], HTTP_HOST="testserver", HTTP_X_FORWARDED_HOST="evil.example")

    # Every other kind of page: home, mission, objectives, pillars, partners, press room,
    # standard and site-map pages, with garbage parameters, methods and deeper slugs.
    for url in EVERY_KIND:
        add("GET", f"{url}?page=abc&q=%00&category={XSS}&year[]=x")
        add("PUT", url)
        add("GET", f"{url}nope/")
    # Unknown or odd language prefixes, and pages outside the prefixes.
    for url in hostile_inputs.ODD_PREFIXES + hostile_inputs.OFF_SITE_PATHS:
        add("GET", url)
    for accept_language in hostile_inputs.BAD_ACCEPT_LANGUAGES:
        add("GET", "/", HTTP_ACCEPT_LANGUAGE=accept_language)
    # Sign-in pages (allauth, outside the language prefixes: French).
    add("POST", "/admin/login/", expect=(403,))  # no CSRF token
    add("POST", "/comptes/login/", expect=(403,))
    add("GET", "/admin/login/?next=%00&login=%ff")
    add("GET", "/comptes/login/?next=" + "a" * 5000)
    add("GET", "/comptes/nope/")
    add("GET", "/comptes/password/reset/key/zz-%00/")
    add("GET", "/comptes/confirm-email/%3Cscript%3E/")
    add("GET", "/admin/pages/99999999999999999999/")
    add("GET", "/admin/%00/")
    # Path traversal under /static/, /media/ and /documents/.
    for prefix in ("/static/", "/media/", "/documents/"):
        for tail in hostile_inputs.TRAVERSAL_TAILS:
            add("GET", prefix + tail, expect=CLIENT_ERROR)
    for byte_range in hostile_inputs.BAD_RANGES:
        add("GET", "/static/css/main.css", HTTP_RANGE=byte_range)
    for date in hostile_inputs.BAD_DATES:
        add("GET", "/static/css/main.css", HTTP_IF_MODIFIED_SINCE=date)
    for etag in hostile_inputs.BAD_ETAGS:
        add("GET", "/static/css/main.css", HTTP_IF_NONE_MATCH=etag)
    add("POST", "/static/css/main.css")
    add("GET", "/static/css/main.css?" + "v=" + "1" * 50 * 1024)
    # Sitemap, robots.txt and health checks with odd query strings.
    for value in hostile_inputs.PAGE_NUMBERS:
        add("GET", f"/sitemap.xml?{hostile_inputs.query(p=value)}")
        add("GET", f"/sitemap-fr.xml?{hostile_inputs.query(p=value)}")
    for date in hostile_inputs.BAD_DATES:
        add("GET", "/sitemap.xml", HTTP_IF_MODIFIED_SINCE=date)
        add("GET", "/sitemap-en.xml", HTTP_IF_MODIFIED_SINCE=date)
    for section in ("de", "fr.xml", "%00", XSS, "fr" * 2000):
        add("GET", f"/sitemap-{section}.xml")
    for query in ("%00", "a=" + XSS, "x=" + "y" * 50 * 1024, hostile_inputs.NOT_UTF8):
        add("GET", f"/robots.txt?{query}")
    add("POST", "/robots.txt")
    add("GET", "/healthz/?%00")
    add("PUT", "/livez/")
    return cases


REQUESTS = requests()


def expected_language(url):
    # /En/news/ is English to Django too (language prefixes are read case-insensitively).
    return "en" if url.lower().startswith("/en/") else "fr"


@pytest.fixture
def hostile():
    return Client(raise_request_exception=False, enforce_csrf_checks=True)


@pytest.fixture(params=[False, True], ids=["cache-off", "cache-on"])
def page_cache(request, settings):
    settings.PAGE_CACHE = request.param
    return request.param


def send(client, method, url, headers):
    # Whatever language a previous request left active in this thread is the wrong one:
    # an error page that does not set its own would show up in the other language.
    translation.activate("fr" if expected_language(url) == "en" else "en")
    try:
        return client.generic(method, url, **headers)
    finally:
        translation.deactivate()


def assert_sound(response, method, url):
    status = response.status_code
    assert status < 500, f"{method} {url[:120]} answered {status}"
    # Reading a streamed response to the end closes it, as the test client does (another
    # close() would fire request_finished again and close the test's database connection).
    content = b"".join(response.streaming_content) if response.streaming else response.content
    body = content.decode("utf-8", "replace")
    # No redirect off-site: a Location is a path on this site.
    if response.get("Location"):
        assert_on_site(response["Location"])
    assert XSS not in body, "script echoed unescaped"
    # No file from outside the folders.
    assert "test-only-insecure-key" not in body
    assert "root:x:0:0" not in body
    if 400 <= status < 500 and body.strip():
        language = expected_language(url)
        assert "html" in response.get("Content-Type", ""), (status, response["Content-Type"])
        match = re.search(r"<html lang=\"([a-z-]+)\"", body)
        assert match and match.group(1) == language, f"{url[:80]}: {status} not in {language}"
        title = re.search(r"<h1[^>]*>\s*([^<]*?)\s*</h1>", body)
        assert title and title.group(1) in error_titles(language), (status, body[:300])


@pytest.fixture
def document():
    return make_document()


# The folders where a document's file is served (by id and name) and stored: their
# requests are sent with a real document in place; no other page shows one.
DOCUMENT_PREFIXES = ("/documents/", "/media/")


@pytest.mark.parametrize(("method", "url", "headers", "expect"), REQUESTS)
def test_hostile_request(request, hostile, page_cache, method, url, headers, expect):
    if url.startswith(DOCUMENT_PREFIXES):
        request.getfixturevalue("document")
    response = send(hostile, method, url, headers)
    assert_sound(response, method, url)
    if expect is not None:
        assert response.status_code in expect, (method, url[:120], response.status_code)
    if page_cache:
        # Sent again: maybe from the cache now, but the same answer.
        again = send(hostile, method, url, headers)
        assert_sound(again, method, url)
        assert again.status_code == response.status_code
        if again.get("X-Cache") == "HIT":
            assert again.content == response.content
            assert again["Content-Type"] == response["Content-Type"]


def test_there_are_enough_hostile_requests():
    assert len(REQUESTS) >= 60


def test_no_file_outside_the_media_folder(hostile, settings):
    """A secret one level above MEDIA_ROOT stays out of reach."""
    media_root = Path(settings.MEDIA_ROOT)
    secret = media_root.parent / "campus-secret.txt"
    secret.write_text("top secret")
    try:
        for tail in (
            "../campus-secret.txt",
            "%2e%2e/campus-secret.txt",
            "..%2fcampus-secret.txt",
            f"{secret}",
            "/" + str(secret),
        ):
            response = hostile.get(f"/media/{tail}")
            assert 400 <= response.status_code < 500, tail
            assert b"top secret" not in response.content
    finally:
        secret.unlink()


# Open redirects ---------------------------------------------------------------------------


def assert_on_site(location):
    """A redirect target on this site: a path, with no scheme nor host a browser would read."""
    # Browsers read "\\" as "/" and drop tabs and newlines in URLs.
    seen = re.sub(r"[\t\n\r]", "", location).replace("\\", "/").strip()
    parts = urlsplit(seen)
    assert not parts.scheme and not parts.netloc, location
    assert seen.startswith("/") and not seen.startswith("//"), location


def assert_not_off_site(response):
    assert response.status_code < 500
    if response.get("Location"):
        assert_on_site(response["Location"])


@pytest.fixture
def editor(settings):
    # Two-factor setup would come between the password and next: not what is tested here.
    settings.ACCOUNTS_MFA_REQUIRED = False
    return get_user_model().objects.create_superuser(
        "hostile-editor", "editor@example.org", PASSWORD
    )


@pytest.mark.parametrize("login_url", ["/admin/login/", "/comptes/login/"])
@pytest.mark.parametrize("next_url", hostile_inputs.REDIRECT_TARGETS)
def test_sign_in_never_redirects_off_site(next_url, login_url, editor):
    client = Client(raise_request_exception=False)
    response = client.get(login_url, {"next": next_url})
    assert_not_off_site(response)
    assert response.status_code == 200
    response = client.post(
        f"{login_url}?{urlencode({'next': next_url})}",
        {"login": "hostile-editor", "password": PASSWORD, "next": next_url},
        REMOTE_ADDR="203.0.113.10",
    )
    assert response.status_code == 302  # signed in, sent on to a page of this site
    assert_not_off_site(response)
    # Signed in already: the login page sends on to next, on this site only.
    assert_not_off_site(client.get(login_url, {"next": next_url}))
    for url in ("/comptes/password/change/", "/comptes/2fa/", "/admin/"):
        assert_not_off_site(client.get(url, {"next": next_url}))
    assert_not_off_site(client.post("/comptes/logout/", {"next": next_url}))
    assert_not_off_site(client.post("/admin/logout/", {"next": next_url}))


@pytest.mark.parametrize("next_url", hostile_inputs.REDIRECT_TARGETS)
def test_redirects_for_language_and_slash_stay_on_site(hostile, next_url):
    # The news index without its slash: the redirect that adds it keeps next on this site.
    for url in ("/", NEWS["fr"][:-1], "/nope/", "/admin/", "/comptes/login/", "/comptes/logout/"):
        assert_not_off_site(hostile.get(url, {"next": next_url}))
    for url in ("/comptes/password/reset/", "/comptes/2fa/authenticate/", "/comptes/signup/"):
        assert_not_off_site(hostile.get(url, {"next": next_url}))


# The 400 handler ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "language"), [(NEWS["en"], "en"), (NEWS["fr"], "fr"), ("/robots.txt", "fr")]
)
def test_the_400_view_speaks_the_language_of_the_url_whatever_is_active(rf, url, language):
    """campus.views.bad_request, for a Host refused before LocaleMiddleware has run."""
    with translation.override("fr" if language == "en" else "en"):
        response = bad_request(rf.get(url), DisallowedHost("evil.example"))
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert re.search(r"<h1>([^<]*)</h1>", html).group(1) in error_titles(language)
    assert f'href="/{language}/"' in html


# Cost of a hostile URL ------------------------------------------------------------------


def test_a_url_of_thousands_of_segments_costs_no_more_than_a_deep_page(hostile):
    """Routing looks up at most as many prefixes as the page tree can have levels.

    It used to look up every prefix of the URL: 2,000 segments made a query with 2,000
    parameters (4 MB of SQL) and as many cache keys, on every request.
    """
    with CaptureQueriesContext(connection) as queries:
        response = hostile.get("/fr/" + "a/" * 2000)
    assert response.status_code == 404
    assert sum(len(query["sql"]) for query in queries) < 100_000


# A real document ------------------------------------------------------------------------


def test_a_document_url_with_hostile_suffixes_and_headers(hostile, document):
    url = document.url
    assert url.startswith("/documents/")
    folder = url.rsplit("/", 1)[0]
    cases = [
        *(("GET", url, {"HTTP_RANGE": byte_range}) for byte_range in hostile_inputs.BAD_RANGES),
        *(("GET", url, {"HTTP_IF_MODIFIED_SINCE": date}) for date in hostile_inputs.BAD_DATES),
        *(("GET", url, {"HTTP_IF_NONE_MATCH": etag}) for etag in hostile_inputs.BAD_ETAGS),
        ("GET", url, {"HTTP_IF_MODIFIED_SINCE": "garbage", "HTTP_IF_NONE_MATCH": "*, W/"}),
        ("GET", url + "?%00=%ff", {}),
        ("PUT", url, {}),
        *(("GET", f"{folder}/{tail}", {}) for tail in hostile_inputs.TRAVERSAL_TAILS),
        ("GET", url.replace(f"/{document.pk}/", "/99999999999999999999/"), {}),
    ]
    for method, target, headers in cases:
        response = send(hostile, method, target, headers)
        assert_sound(response, method, target)
