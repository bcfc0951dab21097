"""Page links in rich text point to the reader's language, without a query per link."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from home.models import StandardPage
from mission.models import MissionPage, ObjectivePage
from tests.test_query_budgets import BUDGETS

pytestmark = pytest.mark.django_db


@override_settings(PAGE_CACHE=False)
def test_rich_text_page_links_are_localized_without_a_query_each(client):
    french = list(ObjectivePage.objects.live().filter(locale__language_code="fr"))
    mission = MissionPage.objects.get(locale__language_code="fr")
    links = "".join(f'<a linktype="page" id="{page.pk}">{page.title}</a> ' for page in french)
    english_home = StandardPage.objects.live().filter(locale__language_code="en").first()
    page = english_home.get_parent().add_child(
        instance=StandardPage(
            title="Links",
            slug="links",
            locale=Locale.objects.get(language_code="en"),
            body=[("paragraph", f'<p>{links}<a linktype="page" id="{mission.pk}">x</a></p>')],
        )
    )
    page.save_revision().publish()
    client.get(page.url)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(page.url).content.decode()
    english = {o.translation_key: o for o in ObjectivePage.objects.filter(locale=page.locale)}
    for objective in french:
        assert f'href="{english[objective.translation_key].url}"' in html
    assert 'href="/en/about/"' in html
    # As many as any English standard page (tests/test_query_budgets.py): none for the links.
    expected = BUDGETS["StandardPage"]["en"][0]
    assert len(queries) == expected, [q["sql"][:80] for q in queries.captured_queries]
