"""EcoIndex grade A on every page type, measured in a browser.

Debian's Chromium, driven by Playwright (as in tests/accessibility, with the same rules:
skipped when Chromium is missing, failed instead with CAMPUS_REQUIRE_BROWSER_TESTS=1),
opens each page of ``PAGES`` (one per page type and state, in French and English) on a
live server of the session's content, with the static files collected and served as in
production (hashed, brotli/gzip: tests/production_static.py). As the reference scraper
does (cnumr/ecoindex_python): a 1920×1080 window, an empty cache (the browser's cache
disabled: every resource fetched again for each page), the page loaded, scrolled to the
bottom (lazy images load) and left to go quiet, then:

- DOM elements: ``document.getElementsByTagName('*').length`` (the reference leaves out
  the children of inline SVG; there are none here, and counting them is stricter);
- requests: every HTTP response the browser received (page, style sheets, fonts, images…);
- size: the bytes transferred for them (headers included, compressed as sent), in KB of
  1000 bytes.

The score and grade come from tests/performance/ecoindex.py. The figures of every page
are printed at the end of the run (conftest.py), whether they pass or not.
"""

import pytest
from django.test.testcases import LiveServerThread
from pytest_django.live_server_helper import LiveServer

from scripts.pages import PAGES
from tests.accessibility.conftest import chromium
from tests.production_static import production_static

from .ecoindex import ecoindex

pytestmark = pytest.mark.django_db

# The reference scraper's window.
WINDOW = {"width": 1920, "height": 1080}
# Legal pages are StandardPages too, with longer bodies than the contact page.
ECOINDEX_PAGES = [
    *PAGES,
    ("fr-legal-notice", "/fr/mentions-legales/", 200),
    ("en-personal-data", "/en/personal-data/", 200),
]
RESULTS = []


@pytest.fixture(scope="module")
def content_db(django_db_setup, django_db_blocker):
    """Read access to the session's content for the module (see tests/accessibility)."""
    with django_db_blocker.unblock():
        yield


def through(handler):
    """No static files handler in front: WhiteNoise serves /static/ as in production."""
    return handler


@pytest.fixture(scope="module")
def server(content_db):
    """A live server whose static files are collected and served as in production."""
    with production_static():
        live = LiveServer("localhost:0", start=False)
        assert isinstance(live.thread, LiveServerThread)
        live.thread.static_handler = through
        live._live_server_modified_settings.enable()
        live.start()  # builds the WSGI handler, so WhiteNoise, under production_static()
        yield live
        live._live_server_modified_settings.disable()
        live.stop()


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


class Meter:
    """One tab for the module, its cache disabled (DevTools' ``Network.setCacheDisabled``):
    each page is fetched whole, as from an empty cache, without the cost of a fresh
    browser context for each page (docs/testing.md)."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport=WINDOW)
        self.page = self.context.new_page()
        cdp = self.context.new_cdp_session(self.page)
        cdp.on("Network.responseReceived", self.received)
        cdp.on("Network.loadingFinished", self.finished)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self.responses = {}

    def received(self, event):
        if event["response"]["url"].startswith("http"):
            self.responses[event["requestId"]] = 0

    def finished(self, event):
        if event["requestId"] in self.responses:
            self.responses[event["requestId"]] = event["encodedDataLength"]

    def measure(self, url):
        """(DOM elements, requests, transferred bytes, HTTP status) of a page, as EcoIndex does."""
        self.responses = {}
        page = self.page
        response = page.goto(url, wait_until="load")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        dom = page.evaluate("document.getElementsByTagName('*').length")
        return dom, len(self.responses), sum(self.responses.values()), response.status


@pytest.fixture(scope="module")
def meter(browser):
    meter = Meter(browser)
    yield meter
    meter.context.close()


@pytest.mark.parametrize(
    "page_id,path,status", ECOINDEX_PAGES, ids=[page[0] for page in ECOINDEX_PAGES]
)
def test_every_page_type_is_graded_a(server, meter, page_id, path, status):
    dom, requests, size, got_status = meter.measure(server.url + path)
    assert got_status == status, path
    score, grade = ecoindex(dom, requests, size / 1000)
    RESULTS.append(
        {
            "id": page_id,
            "path": path,
            "dom": dom,
            "requests": requests,
            "kb": size / 1000,
            "score": score,
            "grade": grade,
        }
    )
    assert requests >= 2, "the page and its style sheet at least"
    assert grade == "A", (
        f"{path}: EcoIndex {score} ({grade}): {dom} DOM elements, {requests} requests, "
        f"{size / 1000:.1f} KB"
    )
