"""Each page type renders with a fixed number of queries, whatever the amount of content.

The budgets are the counts measured today: a change that adds a query per
item (N+1) or a new query per page fails here and must say why.
"""

import pytest
from wagtail.models import Locale

from home.models import HomePage, StandardPage
from mission.models import (
    MissionPage,
    ObjectiveIndexPage,
    ObjectivePage,
    PillarIndexPage,
    PillarPage,
)
from news.models import NewsIndexPage, NewsPage
from partners.models import Partner, PartnersPage
from press.models import PressRoomPage
from tests.news.helpers import add_news
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    HomePage,
    MissionPage,
    ObjectiveIndexPage,
    ObjectivePage,
    PillarIndexPage,
    PillarPage,
    PartnersPage,
    StandardPage,
    NewsIndexPage,
    NewsPage,
    PressRoomPage,
]
# Budgets are the English counts; French pages measure one query fewer.
BUDGETS = {
    "HomePage": 26,  # + the three latest news
    "MissionPage": 20,
    "ObjectiveIndexPage": 22,
    "ObjectivePage": 25,
    "PillarIndexPage": 22,
    "PillarPage": 25,
    "PartnersPage": 21,
    "StandardPage": 20,
    "NewsIndexPage": 28,
    "NewsPage": 34,
    "PressRoomPage": 24,
}


def grow_content():
    """Add partners in both languages, five objectives, and 15 news items per language."""
    fr, en = Locale.objects.get(language_code="fr"), Locale.objects.get(language_code="en")
    for number in range(20):
        partner = Partner.objects.create(
            locale=fr,
            name=f"Entreprise {number}",
            kind=Partner.Kind.COMPANY,
            show_on_home_page=True,
        )
        partner.copy_for_translation(en).save()
    for index in ObjectiveIndexPage.objects.filter(locale=fr):
        for number in range(5):
            page = index.add_child(
                instance=ObjectivePage(
                    title=f"Objectif {number}", slug=f"objectif-{number}", summary="Résumé"
                )
            )
            page.save_revision().publish()
    for code in ("fr", "en"):
        add_news(15, code, tags=["Essai"])


@pytest.mark.parametrize("language", ["fr", "en"])
def test_query_count_per_page_type_is_constant(client, language):
    pages = {
        model.__name__: model.objects.live().filter(locale__language_code=language).first()
        for model in PAGE_TYPES
    }
    assert all(pages.values()), pages
    before = {name: count_queries(client, page.url) for name, page in pages.items()}
    grow_content()
    after = {name: count_queries(client, page.url) for name, page in pages.items()}
    assert after == before
    for name, count in before.items():
        assert count <= BUDGETS[name], f"{name}: {count} queries, budget {BUDGETS[name]}"
