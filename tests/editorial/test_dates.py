"""Dates as French staff write them: jj/mm/aaaa and jj/mm/aaaa hh:mm, in Paris time.

The guide (docs/guide-redaction.md §7) tells editors to type 02/12/2026 20:37 in
« Programmer ». The admin's pickers must show that format, and the server must read it
the same way whatever the editor's admin language (Django's English reads 02/12 as
February 12th). ISO dates are still accepted; anything else is a form error, never a
500 and never a publication now.
"""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from wagtail.models import Page

from editorial.roles import EDITORS_GROUP, MODERATORS_GROUP
from tests.editorial.moderation_helpers import add_standard_page, form_data, make_user

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
# 02/12/2026 20:37 in Paris (winter time, UTC+1).
GO_LIVE_UTC = datetime.datetime(2026, 12, 2, 19, 37, tzinfo=UTC)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def post_edit(client, user, page, **overrides):
    client.force_login(user)
    url = edit_url(page)
    data = form_data(client.get(url), **overrides)
    return client.post(url, data)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_admin_language_reads_the_formats_the_pickers_write(language):
    # What Wagtail's check wagtailadmin.E003 verifies when USE_L10N is set (Django 5
    # no longer has that setting, so the check never runs on its own).
    for wagtail_setting, django_setting in [
        ("WAGTAIL_DATE_FORMAT", "DATE_INPUT_FORMATS"),
        ("WAGTAIL_DATETIME_FORMAT", "DATETIME_INPUT_FORMATS"),
        ("WAGTAIL_TIME_FORMAT", "TIME_INPUT_FORMATS"),
    ]:
        assert getattr(settings, wagtail_setting) in formats.get_format(
            django_setting, lang=language
        )
    # Never month first: 02/12/2026 must not be read as February 12th.
    assert "%m/%d/%Y" not in formats.get_format("DATE_INPUT_FORMATS", lang=language)
    assert "%m/%d/%Y %H:%M" not in formats.get_format("DATETIME_INPUT_FORMATS", lang=language)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_schedule_widget_shows_jj_mm_aaaa_hh_mm(client, language):
    moderator = make_user("validateur", MODERATORS_GROUP, language=language)
    page = add_standard_page("Journée portes ouvertes", live=False)
    # The editor shows the latest revision, as a saved draft leaves it.
    page.go_live_at = GO_LIVE_UTC
    page.save_revision()
    client.force_login(moderator)
    html = client.get(edit_url(page)).content.decode()
    assert 'name="go_live_at" value="02/12/2026 20:37"' in html
    # The picker (xdsoft datetimepicker) writes back in the same format.
    assert '"format": "d/m/Y H:i"' in html
    assert '"formatTime": "H:i"' in html


def test_the_news_date_field_shows_jj_mm_aaaa_hh_mm(admin_client):
    from news.models import NewsPage
    from tests.news.helpers import news_index

    page = NewsPage(
        title="Conférence",
        slug="conference",
        standfirst="Chapô.",
        live=False,
        publication_date=GO_LIVE_UTC,
    )
    news_index().add_child(instance=page)
    page.save_revision()
    html = admin_client.get(edit_url(page)).content.decode()
    assert 'name="publication_date" value="02/12/2026 20:37"' in html


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("fr", "02/12/2026 20:37"),
        ("en", "02/12/2026 20:37"),
        ("fr", "2026-12-02 20:37"),
        ("en", "2026-12-02 20:37"),
    ],
)
def test_a_typed_go_live_is_stored_in_paris_time(client, language, typed):
    editor = make_user("redactrice", EDITORS_GROUP, language=language)
    page = add_standard_page("Journée portes ouvertes", live=False, owner=editor)

    response = post_edit(client, editor, page, go_live_at=typed, **{"body-count": 0})

    assert response.status_code == 302
    page = Page.objects.get(pk=page.pk)
    assert page.go_live_at == GO_LIVE_UTC
    assert timezone.localtime(page.go_live_at).strftime("%d/%m/%Y %H:%M") == "02/12/2026 20:37"
    revision = page.get_latest_revision()
    assert revision.as_object().go_live_at == GO_LIVE_UTC
    assert not page.live


@pytest.mark.parametrize("typed", ["32/13/2026 25:61", "demain 9h", "2026-02-30 10:00"])
def test_a_garbled_go_live_is_a_form_error_not_a_publication(client, typed):
    moderator = make_user("validateur", MODERATORS_GROUP)
    page = add_standard_page("Journée portes ouvertes", live=False)

    response = post_edit(
        client,
        moderator,
        page,
        go_live_at=typed,
        **{"action-publish": "action-publish", "body-count": 0},
    )

    assert response.status_code == 200
    form = response.context["form"]
    with translation.override("fr"):
        assert form.errors["go_live_at"] == ["Saisissez une date et une heure valides."]
    page = Page.objects.get(pk=page.pk)
    assert not page.live
    assert page.go_live_at is None
    assert page.live_revision is None


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_admin_shows_short_dates_day_first_in_both_languages(language):
    # What the dashboard's panels print (SHORT_DATETIME_FORMAT): as the editor types it.
    from django.template.defaultfilters import date as date_filter

    moment = timezone.localtime(datetime.datetime(2026, 12, 2, 19, 37, tzinfo=datetime.UTC))
    with translation.override(language):
        assert date_filter(moment, "SHORT_DATETIME_FORMAT") == "02/12/2026 20:37"
        assert date_filter(moment, "SHORT_DATE_FORMAT") == "02/12/2026"
