"""The news filters: one django-filter FilterSet validates the query string and filters."""

import pytest
from django.test import RequestFactory

from news import filters
from news.articles import news_listing
from tests.news.helpers import add_news, news_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def essai():
    """Two items with the three filters' values, and one off by each filter."""
    kept = add_news(2, category_slug="actualite", tags=["Essai"], prefix="Gardee")
    add_news(1, category_slug="portrait", tags=["Essai"], prefix="Portrait")
    add_news(1, category_slug="actualite", tags=["Autre"], prefix="Autremot")
    add_news(1, year=2024, category_slug="actualite", tags=["Essai"], prefix="Annee")
    return [page.title for page in reversed(kept)]  # newest first


def news_filter(**params):
    request = RequestFactory().get("/fr/actualites/", params)
    index = news_index("fr")
    return filters.NewsFilter(
        request.GET, news_listing(index.locale_id), request=request, locale_id=index.locale_id
    )


def titles(pages):
    return [page.title for page in pages]


def test_the_filters_combine(essai):
    both = news_filter(category="actualite", tag="essai", year="2023")
    assert both.is_valid()
    assert titles(both.qs) == essai
    # Each filter counts: without one, the item it kept out is back.
    assert "Portrait 0" in titles(news_filter(tag="essai", year="2023").qs)
    assert "Autremot 0" in titles(news_filter(category="actualite", year="2023").qs)
    assert "Annee 0" in titles(news_filter(category="actualite", tag="essai").qs)
    assert not news_filter(category="actualite", tag="essai", year="1999").is_valid()


def test_the_index_shows_the_filtersets_results(client, monkeypatch, essai):
    results = []
    filter_queryset = filters.NewsFilter.filter_queryset

    def spy(self, queryset):
        results.append(filter_queryset(self, queryset))
        return results[-1]

    monkeypatch.setattr(filters.NewsFilter, "filter_queryset", spy)
    response = client.get("/fr/actualites/?category=actualite&tag=essai&year=2023")
    assert len(results) == 1
    assert titles(results[0]) == essai
    assert titles(response.context["news"]) == essai


def test_a_tag_slugged_null_is_a_tag_like_the_others(client):
    # django-filter reads "null" as "IS NULL" unless told otherwise.
    add_news(1, tags=["Null"], prefix="Nulle")
    response = client.get("/fr/actualites/?tag=null")
    assert response.status_code == 200
    assert titles(response.context["news"]) == ["Nulle 0"]
