"""Scheduled publishing: go-live and expiry dates, and the job that applies them."""

import datetime
import os
import signal
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import DraftStateMixin, Locale

from editorial.management.commands.run_scheduler import Command as RunScheduler
from news.models import NewsPage
from partners.models import Partner
from tests.news.helpers import news_index

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def new_news(slug, title):
    """An unpublished French news item, as the editor's « Enregistrer le brouillon » leaves it."""
    page = NewsPage(
        title=title,
        slug=slug,
        locale=Locale.objects.get(language_code="fr"),
        standfirst="Chapô.",
        live=False,
    )
    news_index().add_child(instance=page)
    return page


def publish_at(page, moment, **dates):
    """Set go_live_at / expire_at and press « Publier » at moment, as the editor does."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        for field, value in dates.items():
            setattr(page, field, value)
        revision = page.save_revision()
        revision.publish()
    page.refresh_from_db()
    return revision


def publish_scheduled():
    call_command("publish_scheduled")


def test_the_news_editor_has_the_scheduling_fields(admin_client):
    page = new_news("brouillon", "Brouillon")
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="go_live_at"' in html
    assert 'name="expire_at"' in html


def test_an_item_due_in_the_past_goes_live_when_the_job_runs(client):
    now = timezone.now()
    page = new_news("embargo-leve", "Embargo levé")
    revision = publish_at(page, now - 2 * HOUR, go_live_at=now - HOUR)
    # Scheduled when published, two hours ago: not live yet.
    revision.refresh_from_db()
    assert revision.approved_go_live_at == now - HOUR
    assert not page.live
    assert client.get(page.url).status_code == 404

    publish_scheduled()

    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id == revision.pk
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None
    assert client.get(page.url).status_code == 200


def test_an_item_due_in_the_future_does_not_go_live(client):
    now = timezone.now()
    page = new_news("embargo", "Sous embargo")
    revision = publish_at(page, now, go_live_at=now + HOUR)

    publish_scheduled()

    page.refresh_from_db()
    assert not page.live
    revision.refresh_from_db()
    assert revision.approved_go_live_at == now + HOUR  # still scheduled
    assert client.get(page.url).status_code == 404


def test_a_live_item_whose_expiry_is_past_is_unpublished(client):
    now = timezone.now()
    page = new_news("ephemere", "Annonce éphémère")
    publish_at(page, now - 2 * HOUR, expire_at=now - HOUR)
    assert page.live
    assert client.get(page.url).status_code == 200

    publish_scheduled()

    page.refresh_from_db()
    assert not page.live
    assert page.expired
    assert client.get(page.url).status_code == 404


def test_a_live_item_whose_expiry_is_ahead_stays_live():
    now = timezone.now()
    page = new_news("durable", "Annonce durable")
    publish_at(page, now, expire_at=now + HOUR)
    publish_scheduled()
    page.refresh_from_db()
    assert page.live


def test_run_scheduler_once_publishes_and_says_what_it_did():
    now = timezone.now()
    due = new_news("due", "Actualité due")
    publish_at(due, now - 2 * HOUR, go_live_at=now - HOUR)
    later = new_news("plus-tard", "Actualité à venir")
    publish_at(later, now, go_live_at=now + HOUR)
    expired = new_news("expiree", "Actualité expirée")
    publish_at(expired, now - 2 * HOUR, expire_at=now - HOUR)

    out = StringIO()
    call_command("run_scheduler", "--once", stdout=out)

    due.refresh_from_db()
    later.refresh_from_db()
    expired.refresh_from_db()
    assert (due.live, later.live, expired.live) == (True, False, False)
    output = out.getvalue()
    assert "published: actualité “Actualité due”" in output
    assert "unpublished: actualité “Actualité expirée”" in output
    assert "Actualité à venir" not in output


def test_run_scheduler_once_with_nothing_due_says_so_when_verbose():
    out = StringIO()
    call_command("run_scheduler", "--once", verbosity=2, stdout=out)
    assert "Nothing due." in out.getvalue()


def test_the_loop_survives_a_failed_pass_and_stops_on_sigterm():
    calls = []

    def run_once(self):
        calls.append(1)
        if len(calls) == 1:
            raise DatabaseError("the database is restarting")
        os.kill(os.getpid(), signal.SIGTERM)  # what `docker stop` sends
        return []

    before = signal.getsignal(signal.SIGTERM)
    out, err = StringIO(), StringIO()
    with mock.patch.object(RunScheduler, "run_once", run_once):
        call_command("run_scheduler", "--interval", "1", stdout=out, stderr=err)
    assert len(calls) == 2
    assert "the database is restarting" in err.getvalue()
    assert "Scheduler stopped." in out.getvalue()
    assert signal.getsignal(signal.SIGTERM) is before


@pytest.mark.skipif(
    not issubclass(Partner, DraftStateMixin), reason="partners have no draft states"
)
def test_a_snippet_due_in_the_past_goes_live_when_the_job_runs():
    now = timezone.now()
    partner = Partner.objects.filter(locale__language_code="fr").first()
    partner.name = "Nouveau nom"
    publish_at(partner, now - 2 * HOUR, go_live_at=now - HOUR)
    assert partner.name != "Nouveau nom"  # the live row keeps the published name

    out = StringIO()
    call_command("run_scheduler", "--once", stdout=out)

    partner.refresh_from_db()
    assert partner.name == "Nouveau nom"
    assert "published: partenaire “Nouveau nom”" in out.getvalue()
