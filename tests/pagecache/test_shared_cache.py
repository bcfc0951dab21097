"""Servers sharing a cache all show a publish on their next request.

Two app servers on one database and one Redis; or, without Redis, two gunicorn
workers of one server sharing the file cache. Each thread below has its own
database connection and its own cache client, as two processes would. The
Redis case needs Redis on REDIS_URL (default 127.0.0.1:6379); it is skipped
without it, except in CI (CAMPUS_REQUIRE_REDIS=1).
"""

import os
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
from django.db import connections
from django.test import Client

from news.models import NewsPage

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"


def redis_available():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        return False


@pytest.fixture(params=["redis", "files"])
def shared_cache(request, settings, tmp_path):
    settings.PAGE_CACHE = True
    if request.param == "files":
        backend = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        }
        settings.CACHES = {"default": backend}
        yield
        return
    if not redis_available():
        if os.environ.get("CAMPUS_REQUIRE_REDIS") == "1":
            raise RuntimeError(f"CAMPUS_REQUIRE_REDIS=1 but no Redis answers on {REDIS_URL}")
        pytest.skip(f"no Redis on {REDIS_URL}")
    prefix = f"campus-test-{uuid.uuid4().hex}"
    backend = {
        "BACKEND": "pagecache.rediscache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": prefix,
    }
    settings.CACHES = {"default": backend}
    yield
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


class Server:
    """An app server: its own thread, cache client and (on PostgreSQL) database connection.

    SQLite's in-memory test database cannot be opened twice with a transaction
    open, so there the thread borrows the test's connection, as Django's live
    server does.
    """

    def __init__(self):
        main = connections["default"]
        self.shared = main if main.vendor == "sqlite" else None
        self.executor = ThreadPoolExecutor(max_workers=1, initializer=self.start)
        self.client = Client()

    def start(self):
        if self.shared is not None:
            self.shared.inc_thread_sharing()
            connections["default"] = self.shared

    def get(self, url):
        return self.executor.submit(self.request, url).result(timeout=30)

    def request(self, url):
        response = self.client.get(url)
        # Close this thread's own connection (a server would after each request),
        # which would otherwise outlive the test database.
        if self.shared is None:
            connections["default"].close()
        return response

    def close(self):
        self.executor.shutdown()
        if self.shared is not None:
            self.shared.dec_thread_sharing()


@pytest.mark.django_db
def test_a_publish_on_one_server_shows_on_the_other_at_once(
    shared_cache, django_capture_on_commit_callbacks
):
    page = NewsPage.objects.live().filter(locale__language_code="fr").first()
    one, two = Server(), Server()
    try:
        assert one.get(page.url)["X-Cache"] == "MISS"
        assert two.get(page.url)["X-Cache"] == "HIT"  # filled by the other server

        # An editor publishes (here, in the test's transaction: the servers' own
        # connections do not see the new title, but the purge is what is tested).
        page.title = "Publié sur un serveur"
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

        assert two.get(page.url)["X-Cache"] == "MISS"
        assert one.get(page.url)["X-Cache"] == "HIT"  # refilled by the other server
    finally:
        one.close()
        two.close()
