"""Each page type renders with a fixed number of queries, whatever the amount of content.

The budgets are the counts measured today: a change that adds a query per
item (N+1) or a new query per page fails here and must say why.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from home.models import HomePage, StandardPage
from mission.models import (
    MissionPage,
    ObjectiveIndexPage,
    ObjectivePage,
    PillarIndexPage,
    PillarPage,
)
from partners.models import Partner, PartnersPage

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
]
BUDGETS = {
    "HomePage": 29,
    "MissionPage": 25,
    "ObjectiveIndexPage": 27,
    "ObjectivePage": 30,
    "PillarIndexPage": 27,
    "PillarPage": 30,
    "PartnersPage": 26,
    "StandardPage": 25,
}


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow_content():
    """Add partners in both languages and a fifth objective and its translation."""
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
