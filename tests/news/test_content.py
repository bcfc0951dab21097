"""The news content loaded by load_campus_content, and the news models' place in the tree."""

from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Locale, Page

from home.models import HomePage
from news.models import NewsCategory, NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(
    ("code", "dates"),
    [
        ("fr", ["2022-04-15", "2021-12-14", "2021-11-30", "2020-12-04"]),
        ("en", ["2022-04-15", "2021-12-14", "2021-11-30", "2020-12-04"]),
    ],
)
def test_dated_items_in_both_languages(code, dates):
    pages = NewsPage.objects.live().filter(locale__language_code=code)
    pages = sorted(pages, key=lambda page: page.publication_date, reverse=True)
    assert [page.publication_date.astimezone(PARIS).date().isoformat() for page in pages] == dates


def test_english_items_are_translations_with_english_categories():
    for fr in NewsPage.objects.filter(locale__language_code="fr"):
        en = fr.get_translation(Locale.objects.get(language_code="en"))
        assert en.category.locale.language_code == "en"
        assert en.category.translation_key == fr.category.translation_key
        assert en.publication_date == fr.publication_date


def test_categories_have_translated_slugs():
    slugs = dict(
        NewsCategory.objects.filter(locale__language_code="fr").values_list("name", "slug")
    )
    assert slugs["Communiqué de presse"] == "communique-de-presse"
    assert set(
        NewsCategory.objects.filter(locale__language_code="en").values_list("slug", flat=True)
    ) == {"press-release", "news", "event", "portrait"}


def test_the_temporary_site_item_does_not_claim_an_unconfirmed_day():
    page = NewsPage.objects.get(slug="ouverture-du-site-temporaire")
    assert "En novembre 2021" in page.standfirst
    assert "prévue pour le 17" in page.body[0].value.source


def test_news_index_is_allowed_once_under_each_home_page():
    assert NewsIndexPage in HomePage.allowed_subpage_models()
    for home in HomePage.objects.all():
        assert not NewsIndexPage.can_create_at(home)  # already one per language
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]
    assert Page.objects.type(NewsIndexPage).count() == 2
