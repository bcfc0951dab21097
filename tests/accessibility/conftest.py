"""Shared by the accessibility (axe-core) and HTML validity (Nu checker) tests.

Both visit one URL per page type, in French and in English (``PAGES``). The tools come
from outside Python: Debian's Chromium, ``node_modules/`` (``npm ci``: axe-core and
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

# One URL per page type and state, in both languages: (test id, path, expected status).
PAGES = [
    ("fr-home", "/fr/", 200),
    ("en-home", "/en/", 200),
    ("fr-mission", "/fr/le-campus/", 200),
    ("en-mission", "/en/about/", 200),
    ("fr-objective-index", "/fr/objectifs/", 200),
    ("en-objective-index", "/en/objectives/", 200),
    ("fr-objective", "/fr/objectifs/donnees-de-sante/", 200),
    ("en-objective", "/en/objectives/health-data/", 200),
    ("fr-pillar-index", "/fr/piliers/", 200),
    ("en-pillar-index", "/en/pillars/", 200),
    ("fr-pillar", "/fr/piliers/la-donnee/", 200),
    ("en-pillar", "/en/pillars/data/", 200),
    ("fr-partners", "/fr/membres-et-partenaires/", 200),
    ("en-partners", "/en/partners/", 200),
    ("fr-standard", "/fr/contact-et-acces/", 200),
    ("en-standard", "/en/contact/", 200),
    ("fr-news-index", "/fr/actualites/", 200),
    ("en-news-index", "/en/news/", 200),
    ("fr-news-index-empty", "/fr/actualites/?category=evenement&year=2020", 200),
    ("en-news-index-empty", "/en/news/?category=event&year=2020", 200),
    ("fr-news", "/fr/actualites/inauguration-de-parisante-campus/", 200),
    ("en-news", "/en/news/parisante-campus-inaugurated/", 200),
    ("fr-press-room", "/fr/espace-presse/", 200),
    ("en-press-room", "/en/press-room/", 200),
    ("fr-accessibility", "/fr/accessibilite/", 200),
    ("en-accessibility", "/en/accessibility/", 200),
    ("fr-sitemap", "/fr/plan-du-site/", 200),
    ("en-sitemap", "/en/site-map/", 200),
    ("fr-search", "/fr/recherche/?q=campus", 200),
    ("en-search", "/en/search/?q=campus", 200),
    ("fr-search-empty", "/fr/recherche/?q=zzzzzz", 200),
    ("en-search-empty", "/en/search/?q=zzzzzz", 200),
    ("fr-404", "/fr/page-introuvable/", 404),
    ("en-404", "/en/no-such-page/", 404),
]
PAGE_IDS = [page_id for page_id, _path, _status in PAGES]


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
