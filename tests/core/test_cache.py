"""The one cache convention (core/cache.py, core/invalidation.py, {% cached_fragment %})."""

import threading
from pathlib import Path

import pytest
from django.db import connections
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client, RequestFactory

from campus.settings.base import database_namespace
from core.invalidation import models_shown_on_pages
from navigation.models import Footer
from news.models import NewsCategory, PressContact
from partners.models import Partner
from tests.news.helpers import news_index

ROOT = Path(__file__).resolve().parents[2]


def test_each_app_declares_what_it_shows_and_the_cache_app_imports_none():
    assert {Footer, Partner, NewsCategory, PressContact} <= set(models_shown_on_pages())
    for path in (ROOT / "pagecache").glob("*.py"):
        text = path.read_text()
        for app in ("news", "navigation", "partners", "home", "mission", "press", "search"):
            assert f"from {app}" not in text and f"import {app}" not in text, (path, app)


def test_cache_entries_are_namespaced_by_database():
    sqlite_a = {"ENGINE": "django.db.backends.sqlite3", "NAME": "/srv/a/db.sqlite3"}
    sqlite_b = {"ENGINE": "django.db.backends.sqlite3", "NAME": "/srv/b/db.sqlite3"}
    postgres = {"ENGINE": "django.db.backends.postgresql", "HOST": "db", "NAME": "campus"}
    prefixes = {database_namespace(db) for db in (sqlite_a, sqlite_b, postgres)}
    assert len(prefixes) == 3
    assert database_namespace(dict(sqlite_a)) == database_namespace(sqlite_a)  # stable
    from campus.settings import base

    assert base.CACHES["default"]["KEY_PREFIX"] == base.CACHE_KEY_PREFIX
    assert base.CACHE_KEY_PREFIX.startswith("campus-")


def test_no_template_spells_a_cache_key():
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text()
        assert "{% cache " not in text, path
        assert "CONTENT_VERSION" not in text, path


@pytest.mark.django_db
def test_cached_fragment_renders_once_per_content_version():
    from core import version

    template = Template(
        '{% load content_cache %}{% cached_fragment "probe" item %}{{ item }}-{{ counter.next }}'
        "{% endcached_fragment %}"
    )
    calls = []

    class Counter:
        def next(self):
            calls.append(1)
            return len(calls)

    request = RequestFactory().get("/fr/")
    context = {"request": request, "item": 7, "counter": Counter()}
    assert template.render(Context(context)) == "7-1"
    assert template.render(Context(context)) == "7-1"  # from the cache
    assert template.render(Context({**context, "item": 8})) == "8-2"  # another part
    version.bump()
    request = RequestFactory().get("/fr/")
    assert template.render(Context({**context, "request": request})) == "7-3"


def test_cached_fragment_needs_a_quoted_name():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load content_cache %}{% cached_fragment name %}x{% endcached_fragment %}")


@pytest.mark.django_db
def test_a_count_from_elsewhere_never_announces_pages_that_do_not_exist(client, monkeypatch):
    """A count that is not this database's (another site's cache entry) is not believed."""
    import news.filters

    index = news_index("fr")
    real = client.get(index.url).context["result_count"]
    original = news.filters.cached

    def foreign_count(key, compute):
        return 2004 if ":news-count:" in key else original(key, compute)

    monkeypatch.setattr(news.filters, "cached", foreign_count)
    response = client.get(index.url)
    assert response.status_code == 200
    assert response.context["result_count"] == real
    assert client.get(index.url + "?page=2").status_code == 404
    assert client.get(index.url + "?page=166").status_code == 404


@pytest.mark.django_db
def test_concurrent_requests_in_threads_each_get_their_page():
    """Requests served at once by the threads of one worker (gunicorn gthread)."""
    urls = {"/fr/": "PariSanté Campus", news_index("fr").url: "card__link"}
    urls[news_index("en").url] = "card__link"
    expected = {url: Client().get(url).content for url in urls}
    problems = []

    def fetch(url):
        for _ in range(5):
            response = Client().get(url)
            if response.status_code != 200 or response.content != expected[url]:
                problems.append((url, response.status_code))
        connections.close_all()  # this thread's own connections

    threads = [threading.Thread(target=fetch, args=(url,)) for url in urls for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not problems
