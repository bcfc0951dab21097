"""« Programmer » in Chromium, as French staff do it: type 02/12/2026 20:37, confirm.

The schedule dialog's date picker must read the date as typed (not rewrite it to the
current time), must not cover « Enregistrer la programmation », and only that button
stores the go-live date: typing a date and leaving the dialog stores nothing.

The live server runs on the session's content database (tests/editorial/conftest.py);
what the module writes there is removed at the end.
"""

import contextlib
import datetime
import secrets

import pytest
from wagtail.models import Page

from tests.accessibility.conftest import when_unlocked

# No django_db mark: what the tests write must be committed for the live server's thread
# to see it (on PostgreSQL it has its own connection); content_db (through server) gives
# database access, and the fixtures remove what they create.

TIMEOUT = 15_000
GO_LIVE_UTC = datetime.datetime(2026, 12, 2, 19, 37, tzinfo=datetime.UTC)
DIALOG = "#schedule-publishing-dialog"


@pytest.fixture
def draft(server):
    """A French draft never published, removed after the test."""
    from tests.editorial.moderation_helpers import add_standard_page

    page = add_standard_page(f"Programmée {secrets.token_hex(4)}", live=False)
    yield page
    when_unlocked(Page.objects.get(pk=page.pk).delete)


@contextlib.contextmanager
def editor_page(browser, cookie, viewport):
    context = browser.new_context(viewport=viewport, locale="fr-FR", timezone_id="Europe/Paris")
    context.add_cookies([cookie])
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    try:
        yield page
    finally:
        context.close()


def open_schedule_dialog(page, server, draft):
    response = page.goto(f"{server.url}/admin/pages/{draft.pk}/edit/", wait_until="load")
    assert response.status == 200
    page.locator('[data-side-panel-toggle="status"]').first.click()
    page.get_by_role("button", name="Programmer", exact=True).click()
    dialog = page.locator(DIALOG)
    dialog.get_by_text("Définir la programmation de publication").wait_for()
    return dialog


def type_go_live(dialog, text):
    field = dialog.locator("#id_go_live_at")
    field.click()
    field.press_sequentially(text, delay=20)
    return field


def overlaps(a, b):
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def latest_go_live(draft):
    page = Page.objects.get(pk=draft.pk)
    return page.get_latest_revision().as_object().go_live_at


# A laptop screen and a small one, where the dialog is tallest against the window.
@pytest.mark.parametrize(
    "viewport", [{"width": 1366, "height": 768}, {"width": 1024, "height": 640}], ids=str
)
def test_the_go_live_typed_as_french_staff_do_is_stored_when_confirmed(
    browser,
    server,
    editor_cookie,
    draft,
    viewport,
):
    with editor_page(browser, editor_cookie, viewport) as page:
        dialog = open_schedule_dialog(page, server, draft)
        # The fix is a stylesheet that the insert_global_admin_css hook loads.
        assert page.locator('link[rel="stylesheet"][href*="editorial/admin.css"]').count() == 1
        field = type_go_live(dialog, "02/12/2026 20:37")
        picker = page.locator(".xdsoft_datetimepicker").filter(visible=True)
        picker.wait_for()
        confirm = dialog.get_by_role("button", name="Enregistrer la programmation")
        box = picker.bounding_box()
        assert not overlaps(box, confirm.bounding_box())
        # Nor the expiry date, the other field of the dialog.
        assert not overlaps(box, dialog.locator("#id_expire_at").bounding_box())
        # And the picker is on screen, where it can be used.
        assert box["y"] >= 0
        assert box["y"] + box["height"] <= viewport["height"]
        # What the editor typed stays: the picker read it in its own format.
        field.press("Tab")
        assert field.input_value() == "02/12/2026 20:37"

        confirm.click()
        page.wait_for_load_state("load")
        page.locator('[data-side-panel-toggle="status"]').first.click()
        status = page.locator('[data-side-panel="status"]')
        status.get_by_text("2 décembre 2026 20:37").wait_for()

    assert latest_go_live(draft) == GO_LIVE_UTC
    assert not Page.objects.get(pk=draft.pk).live


def test_a_go_live_typed_but_not_confirmed_is_not_stored(
    browser,
    server,
    editor_cookie,
    draft,
):
    revisions = Page.objects.get(pk=draft.pk).revisions.count()
    with editor_page(browser, editor_cookie, {"width": 1366, "height": 768}) as page:
        dialog = open_schedule_dialog(page, server, draft)
        type_go_live(dialog, "02/12/2026 20:37")
        # Long enough for an autosave (Wagtail's default: half a second after a change).
        page.wait_for_timeout(3000)
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
        dialog.wait_for(state="hidden")
        page.wait_for_timeout(2000)

    assert Page.objects.get(pk=draft.pk).revisions.count() == revisions
    assert latest_go_live(draft) is None
