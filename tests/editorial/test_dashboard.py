"""Dashboard panels « Traductions à faire » and « Publications planifiées », and the report."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import DraftStateMixin, Locale

from editorial.dashboard import TranslationReportView
from editorial.roles import EDITORS_GROUP, MODERATORS_GROUP
from editorial.translation_status import translation_tasks
from mission.models import MissionPage
from news.models import NewsPage
from partners.models import Partner
from tests.editorial.helpers import add_french_pages
from tests.editorial.moderation_helpers import make_user
from tests.editorial.test_translation_status import translate
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


# The four states, who sees them, and the report's filter and pagination.


def panel_of(html):
    """The « Traductions à faire » panel of the dashboard, up to the next panel."""
    return html.split('id="editorial-translation-tasks', 1)[1].split("Publications planifiées")[0]


def states_fixture():
    """One French page of each state, the English snippet draft included."""
    (missing,) = add_french_pages(1, prefix="Sans anglais")
    (drafted,) = add_french_pages(1, prefix="Anglais en brouillon")
    drafted_english = translate(drafted)
    (withdrawn,) = add_french_pages(1, prefix="Français retiré")
    withdrawn_english = translate(withdrawn, publish=True)
    withdrawn.unpublish()
    return missing, drafted_english, withdrawn_english


def test_a_moderator_sees_the_english_draft_to_publish_and_the_english_to_withdraw(client):
    missing, drafted, withdrawn = states_fixture()
    moderator = make_user("validateur", MODERATORS_GROUP)
    client.force_login(moderator)

    response = client.get(DASHBOARD)
    assert response.status_code == 200
    panel = panel_of(response.content.decode())
    assert "Anglais en attente de publication" in panel
    assert "Relire et publier" in panel
    assert "Brouillon pas encore soumis à la validation" in panel
    assert "Source française retirée" in panel
    assert "Dépublier la version anglaise" in panel
    assert "ont une version anglaise à jour" not in panel

    review = reverse("wagtailadmin_pages:edit", args=[drafted.pk])
    unpublish = reverse("wagtailadmin_pages:unpublish", args=[withdrawn.pk])
    for url in (review, unpublish, reverse("wagtailadmin_pages:edit", args=[withdrawn.pk])):
        assert f'href="{url}"' in panel
        assert client.get(url).status_code == 200, url


def test_an_editor_sees_what_to_translate_and_that_a_draft_waits_for_the_moderators(client):
    missing, drafted, withdrawn = states_fixture()
    client.force_login(make_user("redactrice", EDITORS_GROUP))

    panel = panel_of(client.get(DASHBOARD).content.decode())
    assert missing.title in panel
    assert "Relire et publier" not in panel
    assert "Source française retirée" not in panel
    assert "1 version anglaise attend sa publication par la Validation." in panel

    # Nothing left for the editor: the panel does not say the English is up to date.
    missing.unpublish()
    panel = panel_of(client.get(DASHBOARD).content.decode())
    assert "Aucune traduction manquante ni à mettre à jour." in panel
    assert "ont une version anglaise à jour" not in panel
    assert "1 version anglaise attend sa publication par la Validation." in panel


def test_a_submitted_english_draft_says_so(admin_client):
    (page,) = add_french_pages(1)
    english = translate(page)
    english.get_workflow().start(english, make_user("validateur", MODERATORS_GROUP))
    panel = panel_of(admin_client.get(DASHBOARD).content.decode())
    assert "Soumise à la validation" in panel


def test_the_report_filters_by_state(admin_client):
    missing, drafted, withdrawn = states_fixture()
    expected = {
        "manquante": missing.title,
        "en-attente": drafted.get_translation(Locale.objects.get(language_code="fr")).title,
        "source-retiree": withdrawn.title,
    }
    for state, title in expected.items():
        response = admin_client.get(REPORT, {"etat": state})
        assert response.status_code == 200
        html = response.content.decode()
        assert title in html, state
        assert all(other not in html for other in expected.values() if other != title), state
    response = admin_client.get(REPORT, {"etat": "a-mettre-a-jour"})
    assert "Aucun contenu dans cet état." in response.content.decode()
    # The select offers the states with their number.
    assert "Traduction manquante (1)" in admin_client.get(REPORT).content.decode()


@pytest.mark.parametrize("state", ["inconnu", "manquante'", "<script>"])
def test_an_unknown_state_is_a_bad_request(admin_client, state):
    assert admin_client.get(REPORT, {"etat": state}).status_code == 400


def test_an_editor_cannot_filter_on_the_moderators_states(client):
    client.force_login(make_user("redactrice", EDITORS_GROUP))
    assert client.get(REPORT, {"etat": "manquante"}).status_code == 200
    assert client.get(REPORT, {"etat": "en-attente"}).status_code == 400


def test_the_report_shows_fifty_a_page(admin_client):
    pages = add_french_pages(55)
    first = admin_client.get(REPORT).content.decode()
    assert pages[49].title + "</a>" in first
    assert pages[50].title + "</a>" not in first
    assert "?p=2" in first
    second = admin_client.get(REPORT, {"p": "2"}).content.decode()
    assert pages[50].title + "</a>" in second
    assert pages[0].title + "</a>" not in second
    # The filter is kept in the page links.
    filtered = admin_client.get(REPORT, {"etat": "manquante"}).content.decode()
    assert "etat=manquante&amp;p=2" in filtered or "p=2&amp;etat=manquante" in filtered


@pytest.mark.parametrize("number", ["3", "0", "-1", "abc", "1.5", "01", "²", "9" * 50])
def test_a_page_the_report_does_not_have_is_a_404(admin_client, monkeypatch, number):
    monkeypatch.setattr(TranslationReportView, "per_page", 2)  # two pages of two, fast
    add_french_pages(4)
    assert admin_client.get(REPORT, {"p": "2"}).status_code == 200
    # Django's LocaleMiddleware answers any 404 outside /fr/ with a redirect to /fr/…,
    # the admin's 404s included: the end of the road is the 404.
    response = admin_client.get(REPORT, {"p": number}, follow=True)
    assert response.status_code == 404


def test_report_queries_do_not_grow_with_the_number_of_pages(admin_client):
    def add(count, prefix):
        for page in add_french_pages(count, prefix=prefix):
            translate(page)

    add_french_pages(5, prefix="Lot un")
    add(2, "Brouillons un")
    few = count_queries(admin_client, REPORT)
    few_filtered = count_queries(admin_client, f"{REPORT}?etat=en-attente")
    add_french_pages(25, prefix="Lot deux")
    add(10, "Brouillons deux")
    assert count_queries(admin_client, REPORT) == few
    assert count_queries(admin_client, f"{REPORT}?etat=en-attente") == few_filtered


def test_dashboard_queries_do_not_grow_with_the_number_of_drafts(client):
    client.force_login(make_user("validateur", MODERATORS_GROUP))

    def add(count, prefix):
        for page in add_french_pages(count, prefix=prefix):
            translate(page)

    add(2, "Lot un")
    few = count_queries(client, DASHBOARD)
    add(12, "Lot deux")
    assert count_queries(client, DASHBOARD) == few


def test_an_english_speaking_moderator_reads_the_states_in_english(client):
    states_fixture()
    client.force_login(make_user("moderator", MODERATORS_GROUP, language="en"))
    panel = panel_of(client.get(DASHBOARD).content.decode())
    for text in (
        "Translation missing",
        "English awaiting publication",
        "Review and publish",
        "French source withdrawn",
        "Unpublish the English version",
    ):
        assert text in panel, text
    assert "Relire et publier" not in panel
    report = client.get(REPORT).content.decode()
    assert "All states" in report
    assert (
        "No content in this state."
        in client.get(REPORT, {"etat": "a-mettre-a-jour"}).content.decode()
    )


def test_the_report_is_usable_with_a_screen_reader(admin_client):
    from bs4 import BeautifulSoup

    missing, drafted, withdrawn = states_fixture()
    soup = BeautifulSoup(admin_client.get(REPORT).content, "html.parser")
    select = soup.find("select", attrs={"name": "etat"})
    assert soup.find("label", attrs={"for": select["id"]}).get_text(strip=True) == "État"
    assert all(th.get("scope") == "col" for th in soup.select("table.listing thead th"))
    # Several rows share a verb: each link's name says which content it acts on.
    names = [link.get_text(" ", strip=True) for link in soup.select("table.listing td a.button")]
    assert len(names) == len(set(names)) == 4
    assert f"Relire et publier : {drafted.get_translation(missing.locale).title}" in names
