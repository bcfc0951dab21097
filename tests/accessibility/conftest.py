"""Shared by the accessibility (axe-core) and HTML validity (Nu checker) tests.

Both visit one URL per page type, in French and in English (``PAGES``, scripts/pages.py).
The tools come from outside Python: Debian's Chromium, ``node_modules/`` (``npm ci``: axe-core and
vnu-jar) and Java. When one is missing the tests are skipped with the reason, so that
``make test`` passes on a bare machine, unless ``CAMPUS_REQUIRE_BROWSER_TESTS=1`` (set by
``.ci/run``): then a missing tool is a failure, and CI always runs the checks.

The pages are served from the session's test database, where ``tests/conftest.py``
loaded the content once. These tests only read: they hold the database open for the
module (``django_db_blocker.unblock()``) instead of using ``transactional_db``, whose
flush at teardown would wipe that content for the tests that follow.
"""

import contextlib
import os
import shutil
import time
from pathlib import Path
from unittest import mock

import pytest
from pytest_django.live_server_helper import LiveServer

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def require(available, reason):
    """Skip when a tool is missing, or fail when CAMPUS_REQUIRE_BROWSER_TESTS=1."""
    if available:
        return
    if os.environ.get("CAMPUS_REQUIRE_BROWSER_TESTS") == "1":
        pytest.fail(f"{reason} (required: CAMPUS_REQUIRE_BROWSER_TESTS=1)", pytrace=False)
    pytest.skip(reason)


def java_command():
    return shutil.which("java")


@pytest.fixture(scope="module")
def content_db(django_db_setup, django_db_blocker):
    """Read access to the session's content for a whole module, without a flush at the end."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="module")
def server(content_db):
    """A live server for the module, on the session's content."""
    live = LiveServer("localhost:0")
    live._live_server_modified_settings.enable()
    yield live
    live._live_server_modified_settings.disable()
    live.stop()


def when_unlocked(write, timeout=10):
    """Runs write (on the session's content database) once the live server's thread is done
    with the tables: on in-memory SQLite both threads share one connection, and a write
    while a read of the server's thread is still pending fails at once with « database
    table is locked » (SQLITE_LOCKED) instead of waiting (seen with three workers). The
    write is atomic (a deletion's cascade), so trying it again is safe."""
    from django.db import OperationalError

    deadline = time.monotonic() + timeout
    while True:
        try:
            return write()
        except OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@contextlib.contextmanager
def session_cookie(user, server):
    """The cookie of a session signed in as user, for a browser context on the live server:
    pages open signed in, without the sign-in form each time. Signed out at the end (the
    session is written outside the tests' transactions, for the live server's thread)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    try:
        yield {"name": cookie.key, "value": cookie.value, "url": server.url}
    finally:
        when_unlocked(client.logout)


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@contextlib.contextmanager
def chromium():
    """Debian's Chromium driven by Playwright (skipped, or failed in CI, when missing)."""
    require(CHROMIUM.is_file(), f"{CHROMIUM} is missing: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover
        require(False, "the playwright Python package is missing: pip install -e '.[dev]'")
    # Playwright's sync API keeps an event loop in this thread, which Django's guard
    # against database calls from async code mistakes for one (the `db` fixture's
    # transaction): nothing here is async, the pages are served by the server thread.
    allow = mock.patch.dict(os.environ, {"DJANGO_ALLOW_ASYNC_UNSAFE": "1"})
    with allow, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
