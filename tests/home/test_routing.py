"""Routing (Wagtail's own ``Page.route``, from each language's home page) and its rules.

Only live pages, a 404 otherwise; the news index's own routes (feeds) before its
children; translated slugs per language; view restrictions enforced, whatever the state
of the cache.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from home.models import HomePage, StandardPage
from mission.models import MissionPage
from tests.news.helpers import add_news, news_index

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture
def page_cache_off():
    with override_settings(PAGE_CACHE=False):
        yield


def status(client, url):
    return client.get(url).status_code


def home(code="fr"):
    return HomePage.objects.get(locale__language_code=code)


def test_pages_answer_at_their_translated_addresses(client):
    assert status(client, "/fr/le-campus/") == 200
    assert status(client, "/en/about/") == 200
    assert status(client, "/en/le-campus/") == 404
    assert status(client, "/fr/about/") == 404


@pytest.mark.parametrize(
    "url",
    ["/fr/inconnue/", "/fr/le-campus/inconnue/", "/fr/actualites/inconnue/", "/fr/a/b/c/d/"],
)
def test_unknown_addresses_are_404(client, url):
    assert status(client, url) == 404
    assert status(client, url) == 404  # and still so with the cache warm


def test_the_news_index_routes_come_before_its_children(client):
    index = news_index("fr")
    for path in ("rss/", "atom/", "rss/communique-de-presse/", "atom/actualite/"):
        response = client.get(index.url + path)
        assert response.status_code == 200, path
        assert "xml" in response["Content-Type"], path
    assert status(client, index.url + "rss/inconnue/") == 404
    article = add_news(1, "fr")[0]
    assert client.get(article.url).context["page"] == article


def test_a_draft_is_a_404_and_a_live_page_under_a_draft_is_served(client):
    parent = home().add_child(
        instance=StandardPage(title="Brouillon", slug="brouillon", live=False)
    )
    child = parent.add_child(instance=StandardPage(title="Enfant", slug="enfant"))
    child.save_revision().publish()
    assert status(client, "/fr/brouillon/") == 404
    # Wagtail's own routing serves a live page whatever its parent's state.
    assert status(client, "/fr/brouillon/enfant/") == 200


def test_unpublished_and_renamed_pages_are_no_longer_served(client):
    page = MissionPage.objects.get(locale__language_code="fr")
    assert status(client, "/fr/le-campus/") == 200
    # Changed behind the signals' back (no purge): nothing remembered serves it anyway.
    Page.objects.filter(pk=page.pk).update(live=False)
    assert status(client, "/fr/le-campus/") == 404
    Page.objects.filter(pk=page.pk).update(live=True, url_path="/accueil/autre/", slug="autre")
    assert status(client, "/fr/le-campus/") == 404


def test_view_restrictions_are_enforced(client):
    page = MissionPage.objects.get(locale__language_code="fr")
    assert status(client, "/fr/le-campus/") == 200
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get("/fr/le-campus/")
    assert response.status_code == 200
    assert b'name="password"' in response.content
    restriction.delete()
    assert b'name="password"' not in client.get("/fr/le-campus/").content


def test_a_restriction_on_a_section_covers_its_pages(client):
    index = news_index("fr")
    article = add_news(1, "fr")[0]
    assert status(client, article.url) == 200
    restriction = PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.first()])
    response = client.get(article.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "login" in response["Location"]


def test_an_unpublished_home_page_is_not_the_localized_one():
    french, english = home("fr"), home("en")
    english.unpublish()
    with translation.override("en"):
        assert french.localized.pk == french.pk
