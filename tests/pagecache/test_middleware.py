"""The full-page cache: who gets cached pages, what is stored, and the headers a CDN sees."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Site

from core import version
from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from pagecache.middleware import is_public_response
from search.models import SearchPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE = True


def urls_of_every_kind():
    """One public URL of each kind of page, in both languages, plus feeds and the sitemap."""
    urls = ["/sitemap.xml", "/sitemap-fr.xml", "/sitemap-en.xml", "/robots.txt"]
    for code in ("fr", "en"):
        locale = Locale.objects.get(language_code=code)
        index = NewsIndexPage.objects.get(locale=locale)
        urls += [
            HomePage.objects.get(locale=locale).url,
            index.url,
            index.url + "rss/",
            index.url + "atom/",
            NewsPage.objects.live().filter(locale=locale).first().url,
        ]
    return urls


def get_counting(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def test_anonymous_pages_come_from_the_cache_without_a_query(client):
    for url in urls_of_every_kind():
        first, _ = get_counting(client, url)
        assert first.status_code == 200, url
        assert first["X-Cache"] == "MISS", url
        second, queries = get_counting(client, url)
        assert second["X-Cache"] == "HIT", url
        assert queries == 0, url
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]
        assert second["Content-Length"] == str(len(first.content))


def test_a_hit_keeps_the_security_headers_of_the_page(client):
    first = client.get("/fr/")
    second = client.get("/fr/")
    for header in ("X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"):
        assert second[header] == first[header]


def test_french_and_english_and_two_hosts_never_share_an_entry(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "autre.example.org"]
    french = client.get("/fr/")
    english = client.get("/en/")
    assert english["X-Cache"] == "MISS"
    assert b'lang="en"' in english.content and b'lang="fr"' in french.content
    other_host = client.get("/fr/", HTTP_HOST="autre.example.org")
    assert other_host["X-Cache"] == "MISS"


def test_query_strings_are_part_of_the_key(client):
    index = NewsIndexPage.objects.get(locale__language_code="fr").url
    client.get(index)
    response = client.get(index + "?year=2022")
    assert response["X-Cache"] == "MISS"
    assert client.get(index + "?year=2022")["X-Cache"] == "HIT"


def test_head_requests_are_answered_from_the_cache(client):
    client.get("/fr/")
    response, queries = get_counting(client, "/fr/", REQUEST_METHOD="HEAD")
    assert response["X-Cache"] == "HIT" and queries == 0


def test_public_pages_let_a_cdn_keep_them_briefly_and_browsers_revalidate(client, settings):
    settings.PAGE_CACHE_CDN_SECONDS = 120
    settings.PAGE_CACHE_STALE_SECONDS = 30
    for response in (client.get("/fr/"), client.get("/fr/")):
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert directives == {"public", "max-age=0", "s-maxage=120", "stale-while-revalidate=30"}
        assert "Cookie" in response["Vary"]


def test_the_etag_answers_a_revalidation_with_304(client):
    etag = client.get("/fr/")["ETag"]
    response = client.get("/fr/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""


def test_public_headers_are_sent_even_with_the_page_cache_off(client, settings):
    settings.PAGE_CACHE = False
    response = client.get("/fr/")
    assert "s-maxage" in response["Cache-Control"]
    assert "X-Cache" not in response


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser(
        "redactrice", "redactrice@example.org", "un mot de passe assez long"
    )
    return user


def test_a_logged_in_editor_never_receives_nor_fills_the_public_cache(client, editor):
    client.get("/fr/")  # an anonymous visit fills the cache
    client.force_login(editor)
    response = client.get("/fr/")
    assert "X-Cache" not in response
    assert b"wagtail-userbar" in response.content  # the editor's own page, with the userbar
    assert "private" in response["Cache-Control"]
    # Their visit to another page does not store it for visitors.
    client.get("/en/")
    client.logout()
    anonymous = client.get("/en/")
    assert anonymous["X-Cache"] == "MISS"
    assert b"wagtail-userbar" not in anonymous.content


def test_any_session_cookie_bypasses_the_cache(client, settings):
    client.get("/fr/")
    client.cookies[settings.SESSION_COOKIE_NAME] = "nimporte-quoi"
    response = client.get("/fr/")
    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_previews_are_never_cached(client, editor):
    client.force_login(editor)
    page = NewsPage.objects.live().filter(locale__language_code="fr").first()
    for url in (
        reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
    ):
        response = client.get(url)
        assert "X-Cache" not in response, url
        assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_search_results_are_never_cached(client):
    search = SearchPage.objects.get(locale__language_code="fr")
    for _ in range(2):
        response = client.get(search.url, {"q": "santé"})
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("url", ["/fr/cette-page-nexiste-pas/", "/", "/admin/login/", "/healthz/"])
def test_errors_redirects_admin_and_health_are_not_cached(client, url):
    for _ in range(2):
        response = client.get(url)
        assert "X-Cache" not in response, url
        assert "public" not in response.get("Cache-Control", ""), url


def test_a_response_that_sets_a_cookie_is_not_cached(client):
    # The admin login form sets the CSRF cookie; so would any public form.
    response = client.get("/admin/login/")
    assert response.cookies
    assert "X-Cache" not in response


def test_posts_are_never_answered_from_the_cache(client):
    client.get("/fr/")
    response = client.post("/fr/")
    assert "X-Cache" not in response


@pytest.mark.parametrize("host", ["evil.example.com", "testserver.evil.example.com:8000"])
def test_a_foreign_host_is_refused_before_the_cache(client, host):
    response = client.get("/fr/", HTTP_HOST=host)
    assert response.status_code == 400


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_pages_still_render_when_the_cache_keeps_nothing(client):
    for _ in range(2):
        response = client.get("/fr/")
        assert response.status_code == 200
        assert response["X-Cache"] == "MISS"


def test_a_page_with_a_csrf_token_is_not_stored(rf):
    # A public form page renders {% csrf_token %}: its token is the visitor's own.
    request = rf.get("/fr/formulaire/")
    get_token(request)
    assert not is_public_response(request, HttpResponse("<form>…</form>"))
    assert is_public_response(rf.get("/fr/"), HttpResponse("<p>…</p>"))


def test_a_new_site_is_seen_at_once(client, settings, django_capture_on_commit_callbacks):
    settings.ALLOWED_HOSTS = ["testserver", "en.example.org"]
    client.get("/en/", HTTP_HOST="en.example.org")
    english_home = HomePage.objects.get(locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        Site.objects.create(hostname="en.example.org", port=80, root_page=english_home)
    response = client.get("/", HTTP_HOST="en.example.org", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code in (200, 302)
    home = client.get("/en/", HTTP_HOST="en.example.org")
    assert home.status_code == 200
    assert Site.find_for_request(home.wsgi_request).hostname == "en.example.org"


def test_a_version_left_by_an_older_release_is_replaced(client):
    # An integer counter (the first format) in a cache that survived a deploy.
    cache.set(version.KEY, 12345, timeout=None)
    assert client.get("/fr/").status_code == 200
    assert isinstance(cache.get(version.KEY), str)
    assert client.get("/fr/")["X-Cache"] == "HIT"


def test_the_content_version_is_read_once_per_request(client, settings, monkeypatch):
    settings.PAGE_CACHE = False  # a full render: menus, routes, fragments all need it
    from django.core.cache.backends.locmem import LocMemCache

    reads = []
    original = LocMemCache.get

    def spy(self, key, *args, **kwargs):
        if key == version.KEY:
            reads.append(key)
        return original(self, key, *args, **kwargs)

    client.get("/en/news/")  # warm: the version exists
    monkeypatch.setattr(LocMemCache, "get", spy)
    assert client.get("/en/news/").status_code == 200
    assert len(reads) == 1
