"""axe-core finds no WCAG 2.2 A/AA violation on any page type, in French and English;
the skip link, the small-screen menu and the language switcher work with the keyboard;
transitions stop when the visitor asks for reduced motion.

Debian's Chromium (never a downloaded browser) is driven by Playwright against a live
server of the session's test database; axe-core comes from npm (``npm ci``).
"""

import pytest

from scripts.pages import PAGES

from .conftest import AXE_JS, require

# The mark makes pytest-django create the test database (tests only read it).
pytestmark = pytest.mark.django_db

WIDE = {"width": 1280, "height": 900}
# WCAG 2.2 A/AA, plus axe's best practices: one h1, heading order, landmarks, content
# inside landmarks, unique landmark names (what RGAA asks beyond WCAG's success criteria).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ') + ' — ' + n.failureSummary),
  }));
}"""
FOCUSED = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), id: el.id, cls: el.className, text: el.textContent.trim(),
    href: el.getAttribute('href'), lang: el.getAttribute('lang'),
    hreflang: el.getAttribute('hreflang'),
    visible: box.width > 1 && box.height > 1 && box.bottom > 0 && box.right > 0
      && box.top < window.innerHeight && getComputedStyle(el).visibility !== 'hidden',
    inSmallMenu: !!el.closest('.main-nav__small'), inLang: !!el.closest('.site-header .lang'),
  };
}"""


@pytest.fixture(scope="module")
def browser(browser):
    require(AXE_JS.is_file(), f"{AXE_JS} is missing: run `npm ci --ignore-scripts`")
    return browser


@pytest.fixture(scope="module")
def module_tab(browser):
    """One tab for the module (why: docs/testing.md); anonymous pages keep nothing
    between visits, and each test sets its viewport again."""
    # axe-core is injected as an inline script, which the site's Content-Security-Policy
    # refuses (tests/accessibility/test_csp.py checks the pages with the policy on).
    context = browser.new_context(viewport=WIDE, bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def page(module_tab):
    module_tab.set_viewport_size(WIDE)
    return module_tab


def open_page(page, url, status=200):
    response = page.goto(url, wait_until="load")
    assert response.status == status, url
    return page


def violations_report(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines += [f"    {target}" for target in violation["targets"]]
    return "\n".join(lines)


# Every page on a wide screen; on a small screen (the <details> menu), one page of each
# layout, which is what changes there: home, a content page, a listing, the 404.
SMALL_SCREEN = {"fr-home", "en-home", "fr-news", "en-news", "fr-news-index", "en-404"}
AXE_CASES = [
    pytest.param(path, status, width, id=f"{page_id}-{width}px")
    for width in (1280, 390)
    for page_id, path, status in PAGES
    if width == 1280 or page_id in SMALL_SCREEN
]


@pytest.mark.parametrize("path,status,width", AXE_CASES)
def test_axe_finds_no_violation(server, page, path, status, width):
    page.set_viewport_size({"width": width, "height": 900})
    open_page(page, server.url + path, status)
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(RUN_AXE, AXE_TAGS)
    assert not violations, f"axe-core on {path} ({width}px):\n" + violations_report(violations)


def tab(page):
    page.keyboard.press("Tab")
    return page.evaluate(FOCUSED)


@pytest.mark.parametrize(
    "path,text", [("/fr/le-campus/", "Aller au contenu"), ("/en/about/", "Skip to content")]
)
def test_skip_link_is_first_visible_on_focus_and_moves_focus_to_main(server, page, path, text):
    open_page(page, server.url + path)
    first = tab(page)
    assert first["cls"] == "skip-link" and first["href"] == "#main"
    assert first["text"] == text
    assert first["visible"], "the skip link must be visible when it has focus"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab goes on from the main content, not back to the header.
    after = tab(page)
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)"), after


@pytest.mark.parametrize("path", ["/fr/", "/en/"])
def test_small_screen_menu_opens_with_the_keyboard(server, page, path):
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, server.url + path)
    links = page.locator(".main-nav__small a").count()
    assert links >= 5
    for _ in range(30):
        focused = tab(page)
        if focused["tag"] == "summary":
            break
    else:
        pytest.fail("the menu button (summary) is not reachable with Tab")
    assert focused["visible"]
    assert page.locator(".main-nav__small").get_attribute("open") is None
    page.keyboard.press("Enter")
    assert page.locator(".main-nav__small").get_attribute("open") is not None
    reached = [tab(page) for _ in range(links)]
    assert all(link["inSmallMenu"] and link["visible"] for link in reached), reached
    # The wide copy of the menu is hidden, so not in the tab order.
    assert not page.locator(".main-nav__wide").is_visible()


@pytest.mark.parametrize("path", ["/fr/le-campus/", "/en/about/"])
def test_language_switcher_is_reachable_with_tab(server, page, path):
    open_page(page, server.url + path)
    reached = []
    for _ in range(15):
        focused = tab(page)
        if focused["inLang"]:
            reached.append(focused)
    assert {link["hreflang"] for link in reached} == {"fr", "en"}, reached
    assert all(link["lang"] == link["hreflang"] and link["visible"] for link in reached)


@pytest.mark.parametrize("motion,moves", [("reduce", False), ("no-preference", True)])
def test_reduced_motion_is_respected(server, browser, motion, moves):
    context = browser.new_context(reduced_motion=motion)
    try:
        page = context.new_page()
        open_page(page, server.url + "/fr/")
        durations = page.evaluate(
            """() => [...document.querySelectorAll('a, .button, .card')].map(
                 (el) => parseFloat(getComputedStyle(el).transitionDuration))"""
        )
    finally:
        context.close()
    assert (max(durations) >= 0.1) is moves, durations
