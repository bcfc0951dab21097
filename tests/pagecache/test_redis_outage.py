"""With REDIS_URL set and Redis down, public pages still answer 200, quickly, logged once."""

import logging
import time

import pytest

from news.models import NewsIndexPage, NewsPage
from pagecache import rediscache
from pagecache.rediscache import ResilientRedisCache

pytestmark = pytest.mark.django_db

NOBODY = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def redis_down(settings):
    settings.PAGE_CACHE = True
    settings.CACHES = {
        "default": {
            "BACKEND": "pagecache.rediscache.ResilientRedisCache",
            "LOCATION": NOBODY,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
        "renditions": settings.CACHES["renditions"],
    }
    ResilientRedisCache._down, ResilientRedisCache._down_until = False, 0.0
    yield
    ResilientRedisCache._down, ResilientRedisCache._down_until = False, 0.0


def test_pages_answer_within_two_seconds_and_the_outage_is_logged_once(client, redis_down, caplog):
    urls = [
        "/fr/",
        "/en/",
        NewsIndexPage.objects.get(locale__language_code="fr").url,
        NewsPage.objects.live().filter(locale__language_code="en").first().url,
        "/sitemap.xml",
    ]
    with caplog.at_level(logging.WARNING, logger="pagecache.rediscache"):
        for url in urls * 2:
            start = time.monotonic()
            response = client.get(url)
            assert response.status_code == 200, url
            assert time.monotonic() - start < 2, url
    outages = [r for r in caplog.records if "Redis unavailable" in r.getMessage()]
    assert len(outages) == 1


def test_redis_is_tried_again_after_a_pause(redis_down, monkeypatch, caplog):
    from django.core.cache import cache

    calls = []
    original = rediscache.RedisCache.get

    def counting(self, *args, **kwargs):
        calls.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(rediscache.RedisCache, "get", counting)
    assert cache.get("clé", "absent") == "absent"
    assert cache.get("clé", "absent") == "absent"
    assert len(calls) == 1  # the second read did not wait for Redis again
    now = time.monotonic()
    monkeypatch.setattr(rediscache.time, "monotonic", lambda: now + rediscache.RETRY_AFTER + 1)
    cache.get("clé")
    assert len(calls) == 2


def test_writes_are_dropped_without_an_error(redis_down):
    from django.core.cache import cache

    cache.set("clé", "valeur")
    assert cache.add("clé", "valeur") is False
    assert cache.get_many(["clé"]) == {}
    cache.delete("clé")
