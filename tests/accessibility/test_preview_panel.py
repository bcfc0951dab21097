"""Previews inside the admin, in a real browser: the editor's preview panel shows the page
of every page type, in French and in English, and Wagtail's checks (« Vérifications »),
which run axe-core inside that frame, report the problems a page really has.

Wagtail renders a preview through a dummy request on the page's public path: it must get
the public policy, but framed by the admin (campus/security.py). A refused frame is a
blank panel, and checks that stop at their initial « 0 ».
"""

import contextlib
import secrets

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.admin.userbar import AccessibilityItem
from wagtail.models import Locale, Page, get_page_models

from editorial.roles import EDITORS_GROUP

from .conftest import session_cookie, when_unlocked
from .test_csp import RECORD_VIOLATIONS

pytestmark = pytest.mark.django_db

PAGE_TYPES = sorted(
    model._meta.label
    for model in get_page_models()
    if model is not Page and not model._meta.abstract
)
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Waits for the preview and for the checks (axe in the frame, then the content metrics).
TIMEOUT = 30_000
# Planted in a draft: a level-4 heading right after a level-2 one (Wagtail's "heading-order").
PLANTED_BODY = "<h2>Un intertitre</h2><p>Un paragraphe.</p><h4>Un niveau sauté</h4><p>La suite.</p>"
PLANTED_RULES = ["heading-order"]


@pytest.fixture(scope="module")
def editors(server):
    """A French-speaking and an English-speaking editor (role « Rédaction »), signed in.

    Written outside the tests' transactions for the live server's thread, then removed:
    the content database is shared by the whole test run."""
    from tests.editorial.moderation_helpers import make_user

    cookies, users = {}, []
    with contextlib.ExitStack() as sessions:
        for language in LANGUAGES:
            name = f"apercu-{language}-{secrets.token_hex(4)}"
            user = make_user(name, EDITORS_GROUP, language=language)
            users.append(user)
            cookies[language] = sessions.enter_context(session_cookie(user, server))
        yield cookies
    for user in users:
        when_unlocked(user.delete)


@pytest.fixture(scope="module")
def planted(server):
    """A draft with an accessibility problem under each language's home, removed after."""
    from home.models import HomePage, StandardPage

    pages = {}
    for language in LANGUAGES:
        home = HomePage.objects.get(locale=Locale.objects.get(language_code=language))
        draft = StandardPage(
            title=f"Brouillon à vérifier {language}",
            slug=f"brouillon-a-verifier-{secrets.token_hex(4)}",
            live=False,
            body=[("paragraph", PLANTED_BODY)],
        )
        home.add_child(instance=draft)
        draft.save_revision()
        pages[language] = draft
    yield pages
    for draft in pages.values():
        when_unlocked(Page.objects.get(pk=draft.pk).delete)


# Each editor keeps one tab for the module (the admin's scripts load once, from the browser's
# cache); Wagtail would reopen the side panel last opened in it: each editor starts closed.
FORGET_SIDE_PANEL = "try { localStorage.removeItem('wagtail:side-panel-open'); } catch (e) {}"


@pytest.fixture(scope="module")
def editor_tabs(browser, editors):
    """{language: the editor's tab}: signed in, recording the policy's refusals."""
    tabs = {}
    with contextlib.ExitStack() as contexts:
        for language, cookie in editors.items():
            context = browser.new_context(viewport={"width": 1600, "height": 1000})
            contexts.callback(context.close)
            context.add_cookies([cookie])
            # Also runs in the preview frame: records what its policy refused there.
            context.add_init_script(RECORD_VIOLATIONS)
            context.add_init_script(FORGET_SIDE_PANEL)
            tabs[language] = context.new_page()
            tabs[language].set_default_timeout(TIMEOUT)
        yield tabs


@contextlib.contextmanager
def editor_page(editor_tabs, language):
    """The editor's tab, with only itself open at the end (a preview may open another)."""
    page = editor_tabs[language]
    try:
        yield page
    finally:
        for other in page.context.pages:
            if other is not page:
                other.close()


def open_preview(page, server, page_pk):
    """Opens a page's editor, then its preview panel: the framed preview's response."""
    response = page.goto(f"{server.url}/admin/pages/{page_pk}/edit/", wait_until="load")
    assert response.status == 200
    with page.expect_response(
        lambda r: "/edit/preview/" in r.url and "in_preview_panel=true" in r.url
    ) as preview:
        page.locator('[data-side-panel-toggle="preview"]').first.click()
    return preview.value


def frame_violations(page):
    return (
        page.frame_locator("#w-preview-iframe")
        .locator("html")
        .evaluate("() => window.__violations")
    )


def run_checks(page):
    """Opens « Vérifications » and waits until they ran (the metrics come after axe)."""
    page.locator('[data-side-panel-toggle="checks"]').first.click()
    words = page.locator("[data-content-word-count]")
    words.wait_for()
    page.wait_for_function(
        "() => /\\d/.test(document.querySelector('[data-content-word-count]').textContent)",
        timeout=TIMEOUT,
    )
    count = (
        page.locator("[data-checks-panel]")
        .locator("xpath=..")
        .locator("[data-content-checker-count]")
    )
    names = page.locator("[data-checks-panel] [data-content-checker-name]").all_inner_texts()
    return int(count.inner_text()), names


def checker_name(rule, language):
    with translation.override(language):
        return str(AccessibilityItem.axe_messages[rule]["error_name"])


def is_synced_translation(target):
    """A page kept in step with its source by wagtail-localize: its editor is the translation
    editor, whose « Aperçu » opens the preview in a new tab (no preview panel)."""
    from wagtail_localize.models import Translation

    return Translation.objects.filter(
        source__object_id=target.translation_key, target_locale=target.locale, enabled=True
    ).exists()


def open_translation_preview(page, server, page_pk):
    """Opens a translation's editor, then its preview: the preview's response and tab."""
    response = page.goto(f"{server.url}/admin/pages/{page_pk}/edit/", wait_until="load")
    assert response.status == 200
    link = page.locator('a[href*="/localize/translate/"][href$="/preview/"]').first
    context = page.context
    with (
        context.expect_event("response", lambda r: r.url.endswith("/preview/")) as preview,
        context.expect_page() as tab,
    ):
        link.click()
    tab.value.wait_for_load_state("load")
    return preview.value, tab.value


def directives(policy):
    return dict(
        (name, " ".join(values))
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    )


def assert_preview_policy(response):
    assert response.status == 200
    policy = directives(response.headers["content-security-policy"])
    # The public policy (no inline script or style), but framed by the admin's own pages.
    assert policy == {
        **directives(response_policy_of_public_pages()),
        "frame-ancestors": "'self'",
    }
    assert policy["script-src"] == policy["style-src"] == "'self'"
    assert response.headers["x-frame-options"] == "SAMEORIGIN"


def response_policy_of_public_pages():
    from csp.utils import build_policy

    return build_policy()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_the_preview_panel_shows_every_page_type(server, editor_tabs, page_type, language):
    from django.apps import apps

    model = apps.get_model(page_type)
    target = model.objects.filter(locale__language_code=language).first()
    assert target is not None, f"the shipped content has no {page_type} in {language}"
    with editor_page(editor_tabs, language) as page:
        if is_synced_translation(target):
            response, tab = open_translation_preview(page, server, target.pk)
            assert_preview_policy(response)
            assert target.title.strip() in tab.locator("h1").first.inner_text()
            assert tab.evaluate("window.__violations") == []
            return
        response = open_preview(page, server, target.pk)
        assert_preview_policy(response)
        frame = page.frame_locator("#w-preview-iframe")
        # The page's title, after a kicker on some types (« Objectif 1 »).
        assert target.title.strip() in frame.locator("h1").first.inner_text()
        issues, names = run_checks(page)
        # The shipped content passes Wagtail's checks; were the frame refused, the checks
        # would never get to the content metrics waited for in run_checks.
        assert (issues, names) == (0, [])
        assert frame_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_checks_report_problems_planted_in_a_draft(server, editor_tabs, planted, language):
    draft = planted[language]
    with editor_page(editor_tabs, language) as page:
        assert_preview_policy(open_preview(page, server, draft.pk))
        frame = page.frame_locator("#w-preview-iframe")
        assert frame.locator("h4").first.inner_text() == "Un niveau sauté"
        issues, names = run_checks(page)
        assert issues == len(PLANTED_RULES)
        # Named in the editor's language (« Hiérarchie des titres incorrecte »…).
        assert sorted(names) == sorted(checker_name(rule, language) for rule in PLANTED_RULES)
        assert frame_violations(page) == []
