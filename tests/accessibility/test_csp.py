"""The Content-Security-Policy holds in a real browser: no page type breaks it, and
editors keep the Wagtail userbar on public pages and the preview in the admin.

Chromium reports every refused script, style, font, image or frame as a
``securitypolicyviolation`` event; the tests collect them (and console errors) while
each page loads, with the policy on (no ``bypass_csp``).
"""

import contextlib
import secrets

import pytest
from django.contrib.auth import get_user_model

from scripts.pages import PAGES

from .conftest import session_cookie, when_unlocked

# The mark makes pytest-django create the test database (tests only read it).
pytestmark = pytest.mark.django_db

# Registered before any page script runs: records what the policy refused.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


@contextlib.contextmanager
def watched_page(browser, cookies=()):
    context = browser.new_context()
    context.add_cookies(list(cookies))
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    try:
        yield page, errors
    finally:
        context.close()


def violations(page):
    return page.evaluate("window.__violations")


@pytest.fixture(scope="module")
def visitor_tab(browser):
    """One anonymous tab for every page type (why: docs/testing.md); the violations are
    recorded anew in each document, and the console errors are counted per test."""
    with watched_page(browser) as (page, errors):
        yield page, errors


@pytest.mark.parametrize(("path", "status"), [(path, status) for _id, path, status in PAGES])
def test_no_page_type_breaks_the_policy(server, visitor_tab, path, status):
    page, errors = visitor_tab
    errors.clear()
    response = page.goto(server.url + path, wait_until="load")
    assert response.status == status
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    # Framed by no one, previews' framing notwithstanding (campus/security.py).
    assert "frame-ancestors 'none'" in policy
    assert response.headers["x-frame-options"] == "DENY"
    # The page's own style sheet and font did load under the policy.
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith('"Source Sans 3"')
    assert violations(page) == []
    # A 404 page logs its own status as a console error; nothing else may.
    assert [e for e in errors if "404" not in e] == []


@pytest.fixture(scope="module")
def editor_cookie(server):
    """A signed-in editor's session cookie. A module fixture writes outside the tests'
    transactions (the live server's thread must read it), so it is removed afterwards:
    the session's content database is shared by the whole test run."""
    from django.contrib.auth.models import Group

    # An editor (two-factor authentication is optional for editors, required above them).
    user = get_user_model().objects.create_user(
        "csp-editor", "csp@example.org", secrets.token_urlsafe(16)
    )
    user.groups.add(Group.objects.get(name="Editors"))
    with session_cookie(user, server) as cookie:
        yield cookie
    when_unlocked(user.delete)


def test_editors_keep_the_userbar_under_the_policy(server, browser, editor_cookie):
    with watched_page(browser, [editor_cookie]) as (page, errors):
        response = page.goto(server.url + "/fr/", wait_until="networkidle")
        assert response.status == 200
        assert "default-src 'none'" in response.headers["content-security-policy"]
        userbar = page.locator("wagtail-userbar")
        assert userbar.count() == 1
        # The userbar's script ran: its shadow root holds the trigger button, which opens.
        trigger = page.locator("wagtail-userbar button").first
        trigger.click()
        assert page.locator("wagtail-userbar [role=menu]").is_visible()
        assert violations(page) == []
        assert errors == []


def test_previews_work_in_the_admin(server, browser, editor_cookie):
    """The preview as the editor's preview panel frames it, not opened on its own."""
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="fr")
    with watched_page(browser, [editor_cookie]) as (page, errors):
        page.goto(f"{server.url}/admin/pages/{home.pk}/edit/", wait_until="load")
        with page.expect_response(lambda r: "/edit/preview/?in_preview_panel=true" in r.url) as p:
            page.locator('[data-side-panel-toggle="preview"]').first.click()
        response = p.value
        assert response.status == 200
        # The public policy, framed by the admin's own pages only.
        policy = response.headers["content-security-policy"]
        assert "frame-ancestors 'self'" in policy
        assert "default-src 'none'" in policy
        assert response.headers["x-frame-options"] == "SAMEORIGIN"
        frame = page.frame_locator("#w-preview-iframe")
        assert frame.locator("h1").inner_text().strip() == home.title.strip()
        assert frame.locator("html").evaluate("() => window.__violations") == []
        assert violations(page) == []


@pytest.mark.parametrize("path", ["/admin/login/", "/comptes/login/", "/comptes/password/reset/"])
def test_sign_in_pages_work_under_their_policy(server, browser, path):
    with watched_page(browser) as (page, errors):
        response = page.goto(server.url + path, wait_until="load")
        assert response.status == 200
        assert page.locator("input[type=password], input[type=email]").count() >= 1
        # The accounts stylesheet applied (no inline styles to fall back on).
        assert page.evaluate("document.styleSheets.length") >= 1
        assert violations(page) == []
        assert errors == []


def test_two_factor_pages_work_under_the_policy(server, browser, editor_cookie):
    with watched_page(browser, [editor_cookie]) as (page, errors):
        response = page.goto(server.url + "/comptes/2fa/totp/activate/", wait_until="load")
        assert response.status == 200
        assert "/comptes/" in page.url
        assert violations(page) == []
        assert errors == []


def test_a_preview_is_framed_by_the_admin_only_and_never_cached(client, settings):
    """The preview's own response (Wagtail renders it on the page's public path) and the
    full-page cache: a preview neither reads the cached page nor replaces it."""
    from django.core.cache import cache

    from home.models import StandardPage
    from tests.editorial.moderation_helpers import form_data, make_user

    settings.PAGE_CACHE = True
    cache.clear()
    page = StandardPage.objects.get(url_path__endswith="/contact-et-acces/")
    public = client.get(page.url)
    assert public["X-Cache"] == "MISS"
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"]

    client.force_login(make_user("apercu-cache", superuser=True))
    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    posted = client.post(preview_url, form_data(edit, title="Titre en aperçu"))
    assert posted.json()["is_valid"]
    preview = client.get(preview_url + "?in_preview_panel=true")
    assert preview.status_code == 200
    assert "Titre en aperçu" in preview.text
    assert "X-Cache" not in preview
    assert "private" in preview["Cache-Control"]
    policy = preview["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy
    assert "frame-ancestors 'none'" not in policy
    assert "default-src 'none'" in policy
    assert preview["X-Frame-Options"] == "SAMEORIGIN"

    client.logout()
    again = client.get(page.url)
    assert again["X-Cache"] == "HIT"
    assert "Titre en aperçu" not in again.text
    assert "frame-ancestors 'none'" in again["Content-Security-Policy"]
    assert again["X-Frame-Options"] == "DENY"
