"""Dashboard panels « Traductions à faire » and « Publications planifiées », and the report."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import DraftStateMixin, Locale

from editorial.translation_status import translation_tasks
from mission.models import MissionPage
from news.models import NewsPage
from partners.models import Partner
from tests.editorial.helpers import add_french_pages
from tests.news.helpers import news_index
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/"
REPORT = "/admin/traductions/"


def test_dashboard_shows_both_panels_in_french(admin_client):
    response = admin_client.get(DASHBOARD)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Traductions à faire" in html
    assert "Publications planifiées" in html
    # The loaded content is translated and nothing is scheduled.
    assert "ont une version anglaise à jour" in html
    assert "Aucune mise en ligne ni aucun retrait planifié." in html


def test_the_panel_lists_what_to_translate_with_links_that_work(admin_client):
    (page,) = add_french_pages(1)
    Partner.objects.create(
        locale=Locale.objects.get(language_code="fr"),
        name="Institut imaginaire",
        kind=Partner.Kind.INSTITUTE,
    )
    mission = MissionPage.objects.get(locale__language_code="fr")
    mission.intro = "Une nouvelle introduction."
    mission.save_revision().publish()

    html = admin_client.get(DASHBOARD).content.decode()
    for text in (page.title, "Institut imaginaire", mission.title):
        assert text in html
    assert html.count("Traduction manquante") == 2
    assert html.count("Traduction à mettre à jour") == 1

    tasks = translation_tasks()
    assert len(tasks) == 3
    for task in tasks:
        assert task.action_url in html
        assert task.edit_url in html
        assert admin_client.get(task.action_url).status_code == 200, task.action_url
        assert admin_client.get(task.edit_url).status_code == 200, task.edit_url


def test_the_panel_shows_the_first_ten_and_links_to_the_full_report(admin_client):
    pages = add_french_pages(12)
    html = admin_client.get(DASHBOARD).content.decode()
    assert pages[9].title in html
    assert pages[11].title not in html
    assert "Voir la liste complète (12 éléments)" in html
    assert REPORT in html

    response = admin_client.get(REPORT)
    assert response.status_code == 200
    report = response.content.decode()
    assert all(page.title in report for page in pages)


def test_the_report_is_in_the_reports_menu(admin_client):
    response = admin_client.get(DASHBOARD)
    assert REPORT.encode() in response.content  # the sidebar's props


def test_dashboard_queries_do_not_grow_with_the_number_of_pages(admin_client):
    add_french_pages(5, prefix="Lot un")
    few = count_queries(admin_client, DASHBOARD)
    add_french_pages(25, prefix="Lot deux")
    many = count_queries(admin_client, DASHBOARD)
    assert few == many


def test_editors_without_the_translation_permission_see_no_translation_panel(client):
    from django.contrib.auth import get_user_model

    add_french_pages(1)
    group = Group.objects.create(name="Lecteurs")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = get_user_model().objects.create_user("lecteur", password="x")  # noqa: S106
    user.groups.add(group)
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert "Traduction manquante" not in response.content.decode()
    assert client.get(REPORT).status_code != 200


def test_the_scheduled_panel_lists_what_goes_live_and_what_expires(admin_client):
    locale = Locale.objects.get(language_code="fr")
    go_live = timezone.now() + datetime.timedelta(days=2)
    scheduled = NewsPage(
        title="Annonce sous embargo", slug="embargo", locale=locale, standfirst="Bientôt."
    )
    scheduled.live = False
    news_index().add_child(instance=scheduled)
    scheduled.go_live_at = go_live
    scheduled.save_revision().publish()  # in the future: scheduled, not published

    expiring = NewsPage.objects.live().filter(locale=locale).first()
    expiring.expire_at = timezone.now() + datetime.timedelta(days=5)
    expiring.save_revision().publish()

    html = admin_client.get(DASHBOARD).content.decode()
    panel = html.split("Publications planifiées", 1)[1]
    assert "Mise en ligne" in panel
    assert "Retrait" in panel
    assert reverse("wagtailadmin_pages:edit", args=[scheduled.pk]) in panel
    # By date: the go-live in two days, then the expiry in five.
    assert panel.index("Annonce sous embargo") < panel.index(expiring.title)


def schedule_news(count, prefix):
    locale = Locale.objects.get(language_code="fr")
    for number in range(count):
        page = NewsPage(
            title=f"{prefix} {number}",
            slug=f"{prefix.lower().replace(' ', '-')}-{number}",
            locale=locale,
            standfirst="Bientôt.",
            live=False,
        )
        news_index().add_child(instance=page)
        page.go_live_at = timezone.now() + datetime.timedelta(days=number + 1)
        page.save_revision().publish()


def test_the_scheduled_panel_queries_do_not_grow_with_the_number_of_items(admin_client):
    schedule_news(2, "Embargo un")
    few = count_queries(admin_client, DASHBOARD)
    schedule_news(8, "Embargo deux")
    many = count_queries(admin_client, DASHBOARD)
    assert few == many


@pytest.mark.skipif(
    not issubclass(Partner, DraftStateMixin), reason="partners have no draft states"
)
def test_the_scheduled_panel_lists_snippets_too(admin_client):
    partner = Partner.objects.filter(locale__language_code="fr").first()
    partner.name = "Nouveau nom, sous embargo"
    partner.go_live_at = timezone.now() + datetime.timedelta(days=1)
    partner.save_revision().publish()

    html = admin_client.get(DASHBOARD).content.decode()
    panel = html.split("Publications planifiées", 1)[1]
    assert "Nouveau nom, sous embargo" in panel
    edit_url = reverse("wagtailsnippets_partners_partner:edit", args=[partner.pk])
    assert edit_url in panel
    assert admin_client.get(edit_url).status_code == 200
