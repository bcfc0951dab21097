"""The news index: order, filters, pagination and wrong parameters, in both languages."""

import re

import pytest

from content.news import INAUGURATION, NEWS_INDEX, TEMPORARY_SITE
from tests import hostile_inputs
from tests.home import shipped
from tests.news.helpers import add_news, news_index

pytestmark = pytest.mark.django_db

LOADED_FR = shipped.news_titles("fr")
LOADED_EN = shipped.news_titles("en")


def card_titles(response):
    return re.findall(r'class="card__link" href="[^"]*">([^<]*)</a>', response.content.decode())


def unescape(text):
    return text.replace("&#x27;", "'").replace("&amp;", "&")


@pytest.mark.parametrize(("code", "titles"), [("fr", LOADED_FR), ("en", LOADED_EN)])
def test_index_lists_the_items_of_its_language_newest_first(client, code, titles):
    response = client.get(news_index(code).url)
    assert response.status_code == 200
    assert [unescape(title) for title in card_titles(response)] == titles


def test_result_count_and_card_details(client):
    response = client.get("/fr/actualites/")
    html = response.content.decode()
    assert f"{len(NEWS_INDEX.children)} actualités" in html
    newest = shipped.news_newest_first()[0].fields["publication_date"]
    # The French date format is the point here: written out.
    assert f'<time datetime="{newest.isoformat()}">15 avril 2022</time>' in html
    assert '<p class="card__category">Événement</p>' in html


def test_filter_by_category(client):
    response = client.get("/fr/actualites/?category=evenement")
    assert card_titles(response) == [INAUGURATION.title.fr]
    assert "1 actualité<" in response.content.decode()
    response = client.get("/en/news/?category=event")
    assert card_titles(response) == [INAUGURATION.title.en]


def test_filter_by_tag_and_year_combined(client):
    assert len(card_titles(client.get("/fr/actualites/?tag=antoine-tesniere"))) == 2
    response = client.get("/fr/actualites/?tag=antoine-tesniere&year=2021")
    assert card_titles(response) == [INAUGURATION.title.fr]
    response = client.get("/en/news/?year=2021&category=news")
    assert card_titles(response) == [TEMPORARY_SITE.title.en]


def test_a_combination_without_results_shows_the_empty_state(client):
    response = client.get("/fr/actualites/?category=evenement&year=2020")
    html = response.content.decode()
    assert response.status_code == 200
    assert card_titles(response) == []
    assert "0 actualité" in html
    assert "Aucune actualité ne correspond à ces critères." in html


def test_the_filter_form_works_without_javascript(client):
    html = client.get("/fr/actualites/").content.decode()
    assert '<form class="news-filters" method="get" action="/fr/actualites/"' in html
    for name in ("category", "tag", "year"):
        assert f'<select name="{name}" id="id_{name}">' in html
        assert f'<label for="id_{name}">' in html
    assert '<option value="evenement">Événement</option>' in html
    assert html.index(">Événement<") < html.index(">Portrait<")
    assert '<option value="2022">2022</option>' in html
    assert '<button class="button" type="submit">' in html


def test_paging_keeps_the_filters(client):
    add_news(30, category_slug="actualite", tags=["Essai"])
    response = client.get("/fr/actualites/?category=actualite&tag=essai")
    html = response.content.decode()
    assert len(card_titles(response)) == 12
    assert "30 actualités" in html
    assert 'href="?category=actualite&amp;tag=essai&amp;page=2"' in html
    assert 'aria-current="page">1</a>' in html
    response = client.get("/fr/actualites/?category=actualite&tag=essai&page=3")
    assert len(card_titles(response)) == 6
    html = response.content.decode()
    assert 'href="?category=actualite&amp;tag=essai&amp;page=2" rel="prev"' in html
    assert 'aria-current="page">3</a>' in html


def test_elided_page_range(client):
    add_news(12 * 10, revisions=False)
    html = client.get("/fr/actualites/?page=6").content.decode()
    assert "…" in html
    assert 'href="?page=1"' in html and 'href="?page=11"' in html
    assert 'href="?page=2"' not in html


BAD_PARAMETERS = [
    *(hostile_inputs.query(page=value) for value in hostile_inputs.PAGE_NUMBERS),
    *(
        hostile_inputs.query(**{name: value})
        for name in ("category", "tag")
        for value in hostile_inputs.UNKNOWN_SLUGS
    ),
    *(hostile_inputs.query(year=value) for value in hostile_inputs.YEARS),
    "category=event",  # the English slug, on the French index
]


@pytest.mark.parametrize("code", ["fr", "en"])
@pytest.mark.parametrize("query", BAD_PARAMETERS)
def test_every_wrong_parameter_is_a_404(client, code, query):
    if code == "en" and query == "category=event":
        query = "category=evenement"
    response = client.get(f"{news_index(code).url}?{query}")
    assert response.status_code == 404


def test_empty_values_mean_no_filter(client):
    response = client.get("/fr/actualites/?category=&tag=&year=&page=1")
    assert len(card_titles(response)) == len(NEWS_INDEX.children)
