"""The search page of each language: matching, scope, pagination, bad input, headers."""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, PageViewRestriction

from content.pages import MISSION, OBJECTIVE_INDEX, SEARCH
from home.models import HomePage, StandardPage
from mission.models import ObjectiveIndexPage, ObjectivePage, PillarIndexPage
from search.results import PAGE_SIZE
from tests import hostile_inputs
from tests.home import shipped
from tests.news.helpers import add_news

pytestmark = pytest.mark.django_db

SEARCH_URLS = shipped.urls(SEARCH)


def result_urls(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [link["href"] for link in soup.select(".search-results .search-result__title a")]


def url_of(model, code, **filters):
    return model.objects.get(locale__language_code=code, **filters).url


def add_page(code, title, *, publish=True, intro=""):
    home = HomePage.objects.get(locale__language_code=code)
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    page = home.add_child(instance=StandardPage(title=title, slug=slug, intro=intro, live=False))
    if publish:
        page.save_revision().publish()
    else:
        page.save_revision()
    return StandardPage.objects.get(pk=page.pk)


def test_search_pages_live_at_their_translated_addresses(search_pages):
    assert search_pages["fr"].url == SEARCH_URLS["fr"]
    assert search_pages["en"].url == SEARCH_URLS["en"]


# Matching --------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["donnees", "données", "DONNÉES", "Donnée", "donnees de sante"])
def test_french_ignores_accents_and_case(search, query):
    health_data = url_of(ObjectivePage, "fr", slug="donnees-de-sante")
    assert health_data in result_urls(search("fr", query))


@pytest.mark.parametrize("query", ["objectif", "objectifs", "Objectifs"])
def test_french_handles_plurals(search, query):
    urls = result_urls(search("fr", query))
    # « Nos objectifs » (plural only in its title and introduction)…
    assert url_of(ObjectiveIndexPage, "fr") in urls
    # …and « Données de santé » (« Premier objectif », singular only).
    assert url_of(ObjectivePage, "fr", slug="donnees-de-sante") in urls


@pytest.mark.parametrize("query", ["objective", "objectives", "Objectives"])
def test_english_handles_plurals(search, query):
    urls = result_urls(search("en", query))
    assert url_of(ObjectiveIndexPage, "en") in urls  # « Our objectives »
    assert url_of(ObjectivePage, "en", slug="health-data") in urls  # « The first objective »


@pytest.mark.parametrize("query", ["pillar", "pillars"])
def test_english_pillar_finds_pillars(search, query):
    assert url_of(PillarIndexPage, "en") in result_urls(search("en", query))


def test_news_are_searched_too(search):
    [news] = add_news(1, "fr", prefix="Hackathon")
    assert result_urls(search("fr", "hackathon")) == [news.url]


def test_every_word_must_match(search):
    add_page("fr", "Ornithorynque et pangolin")
    add_page("fr", "Ornithorynque seul")
    assert len(result_urls(search("fr", "ornithorynque"))) == 2
    assert len(result_urls(search("fr", "ornithorynque pangolin"))) == 1


def test_unknown_words_find_nothing(search):
    response = search("fr", "zzyzx")
    assert result_urls(response) == []
    assert "Aucune page ne correspond" in response.content.decode()


# Scope: language, status, page types -------------------------------------------------


@pytest.mark.parametrize("code", ["fr", "en"])
def test_only_pages_of_the_current_language(search, code):
    # "PariSanté Campus" is in the titles of both languages.
    urls = result_urls(search(code, "PariSanté Campus"))
    assert urls
    assert all(url.startswith(f"/{code}/") for url in urls), urls


def test_a_french_word_on_the_english_page_finds_english_pages_only(search):
    add_page("fr", "Tamanoir", intro="Le tamanoir du campus.")
    assert result_urls(search("en", "tamanoir")) == []
    assert len(result_urls(search("fr", "tamanoir"))) == 1


def test_drafts_unpublished_and_private_pages_are_left_out(search):
    public = add_page("fr", "Quokka public")
    add_page("fr", "Quokka brouillon", publish=False)
    unpublished = add_page("fr", "Quokka retiré")
    unpublished.unpublish()
    private = add_page("fr", "Quokka réservé")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert result_urls(search("fr", "quokka")) == [public.url]


def test_search_pages_are_not_results(search, search_pages):
    for code, word in (("fr", "recherche"), ("en", "search")):
        assert search_pages[code].url not in result_urls(search(code, word))


def test_a_result_shows_its_type_summary_and_address(search):
    response = search("fr", "donnees de sante")
    soup = BeautifulSoup(response.content, "html.parser")
    page = ObjectivePage.objects.get(locale__language_code="fr", slug="donnees-de-sante")
    [item] = [li for li in soup.select(".search-result") if li.find("a", href=page.url) is not None]
    assert item.select_one(".search-result__kind").get_text() == "Objectif"
    assert item.select_one(".search-result__summary").get_text() == page.summary
    assert item.select_one(".search-result__url").get_text() == page.url


def test_type_labels_follow_the_language(search):
    response = search("en", "health data")
    soup = BeautifulSoup(response.content, "html.parser")
    kinds = {kind.get_text() for kind in soup.select(".search-result__kind")}
    assert "Objective" in kinds


# Pagination -------------------------------------------------------------------------


@pytest.fixture
def twelve_results():
    return [add_page("fr", f"Axolotl {number}") for number in range(PAGE_SIZE + 2)]


def test_results_are_paginated(search, twelve_results):
    first = search("fr", "axolotl")
    assert len(result_urls(first)) == PAGE_SIZE
    assert "12 résultats pour « axolotl »" in first.content.decode()
    soup = BeautifulSoup(first.content, "html.parser")
    next_link = soup.select_one(".pagination a[rel=next]")
    assert next_link["href"] == "?q=axolotl&page=2"
    second = search("fr", "axolotl", page=2)
    assert len(result_urls(second)) == 2
    assert set(result_urls(first)).isdisjoint(result_urls(second))
    second_soup = BeautifulSoup(second.content, "html.parser")
    assert second_soup.select_one(".search-results")["start"] == str(PAGE_SIZE + 1)


# "3": the page after the last one; the others are no page of any listing.
@pytest.mark.parametrize("number", ["3", *hostile_inputs.PAGE_NUMBERS])
def test_pages_the_pagination_does_not_offer_are_404(client, search_pages, twelve_results, number):
    # Like the news index (news/filters.py): never a silent fallback to page 1.
    url = f"{search_pages['fr'].url}?{hostile_inputs.query(q='axolotl', page=number)}"
    assert client.get(url).status_code == 404


def test_first_page_of_no_results_is_the_empty_state(search):
    assert search("fr", "zzyzx", page="1").status_code == 200


# Bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["fr", "en"])
@pytest.mark.parametrize("query", hostile_inputs.SEARCH_QUERIES)
def test_odd_queries_answer_200(client, search_pages, code, query):
    # Sent in the URL as is: values that are not UTF-8 once decoded cannot go through params.
    response = client.get(f"{search_pages[code].url}?{hostile_inputs.query(q=query)}")
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()


@pytest.mark.parametrize("code", ["fr", "en"])
@pytest.mark.parametrize("query", hostile_inputs.BLANK_QUERIES)
def test_an_empty_query_shows_the_form_and_a_hint(search, code, query):
    response = search(code, query)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#search-page-q") is not None
    assert soup.select_one("#search-hint") is not None
    assert soup.select_one(".search-results") is None
    assert soup.select_one(".search-count") is None


@pytest.mark.parametrize("code", ["fr", "en"])
def test_no_query_parameter_at_all(client, search_pages, code):
    response = client.get(SEARCH_URLS[code])
    assert response.status_code == 200
    assert b'id="search-hint"' in response.content


@pytest.mark.parametrize("code", ["fr", "en"])
def test_a_long_query_is_cut_with_a_notice(search, code):
    response = search(code, "objectif " * 200)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select_one("#search-page-q")["value"]) <= 200
    notice = soup.select_one(".search-notice").get_text()
    assert "200" in notice


def test_the_long_query_notice_is_translated(search):
    notice = BeautifulSoup(search("en", "x" * 300).content, "html.parser").select_one(
        ".search-notice"
    )
    assert notice is not None


@pytest.mark.parametrize("code", ["fr", "en"])
def test_the_query_is_escaped(search, code):
    query = hostile_inputs.XSS
    response = search(code, query)
    html = response.content.decode()
    assert query not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    quote = search(code, '"><img src=x onerror=alert(1)>')
    assert "<img src=x" not in quote.content.decode()


# Headers and robots -----------------------------------------------------------------


@pytest.mark.parametrize("code", ["fr", "en"])
@pytest.mark.parametrize("query", [None, "", "donnees"])
def test_results_pages_are_noindex_and_never_cached(search, code, query):
    response = search(code, query)
    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one('head meta[name="robots"]')["content"] == "noindex"


def test_other_pages_are_not_noindex(client, search_pages):
    response = client.get("/fr/")
    assert b'name="robots"' not in response.content


# The header's search box ------------------------------------------------------------


def header_form(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one("header.site-header form[role=search]")


@pytest.mark.parametrize("code", ["fr", "en"])
def test_every_page_has_a_search_box_to_its_language_search_page(client, search_pages, code):
    pages = Page.objects.live().public().filter(locale__language_code=code, depth__gt=1)
    assert pages.count() > 10
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        form = header_form(response)
        assert form is not None, page.url
        assert form["action"] == SEARCH_URLS[code], page.url
        assert form["method"] == "get"


@pytest.mark.parametrize("code", ["fr", "en"])
def test_the_404_page_has_the_search_box_too(client, search_pages, code):
    response = client.get(f"/{code}/nulle-part-xyz/")
    assert response.status_code == 404
    form = header_form(response)
    assert form is not None and form["action"] == SEARCH_URLS[code]


@pytest.mark.parametrize(
    "code, label, button", [("fr", "Rechercher sur le site", "Rechercher"), ("en", None, None)]
)
def test_the_search_box_is_labelled_and_works_without_javascript(
    client, search_pages, code, label, button
):
    form = header_form(client.get(f"/{code}/"))
    field = form.select_one("input[name=q]")
    assert field["type"] == "search"
    assert field.get("id")
    form_label = form.select_one(f'label[for="{field["id"]}"]')
    assert form_label is not None and form_label.get_text().strip()
    submit = form.select_one("button[type=submit]")
    assert submit is not None and submit.get_text().strip()
    assert form.get("aria-label")
    if label:
        assert form_label.get_text().strip() == label
        assert submit.get_text().strip() == button
    assert not form.select("script")


def test_the_box_comes_after_the_menu_in_keyboard_order(client, search_pages):
    soup = BeautifulSoup(client.get("/fr/").content, "html.parser")
    header = soup.select_one("header.site-header")
    focusable = [
        element.get("href") or element.get("name") or element.name
        for element in header.select("a[href], input, button, summary")
        if element.get("tabindex") != "-1"
    ]
    # Skip link, wordmark, languages, menu, then the search field and its button.
    assert focusable.index("q") > focusable.index(shipped.url(MISSION, "fr"))
    assert focusable[focusable.index("q") + 1] == "button"


def test_a_search_from_the_box_lands_on_the_results(client, search_pages):
    form = header_form(client.get(shipped.url(OBJECTIVE_INDEX, "en")))
    response = client.get(form["action"], {"q": "objectives"})
    assert url_of(ObjectiveIndexPage, "en") in result_urls(response)


def test_without_a_search_page_the_box_is_hidden(client, search_pages):
    for page in search_pages.values():
        page.unpublish()
    assert header_form(client.get("/fr/")) is None


def test_the_search_box_costs_no_query_once_cached(client, search_pages):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/fr/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/fr/")
    assert not [query for query in queries if "search_searchpage" in query["sql"]]


def test_the_full_text_match_runs_a_fixed_number_of_times(client):
    """On SQLite, results by relevance without a ranking subquery per page (search/backends.py):
    the library's ran the FTS5 match once for every live page of the language."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "sqlite":
        pytest.skip("the SQLite backend's ranking (PostgreSQL ranks in one query)")
    add_news(30, "fr", prefix="Campus")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH_URLS["fr"] + "?q=campus")
    assert response.status_code == 200
    sql = [query["sql"] for query in queries.captured_queries]
    assert not [q for q in sql if 'object_id" = ("wagtailcore_page"."id")' in q]
    assert sum("MATCH" in q for q in sql) <= 3  # the scores, the ranked pages, the count
    titles = re.findall(r"Campus \d+", response.content.decode())
    assert len(titles) == PAGE_SIZE


def test_the_admin_page_search_counts_its_autocomplete_results(admin_client):
    """Regression: the count without ranking (search/backends.py) asked the admin's
    autocomplete compiler for a method only the site's compiler has (a 500 on SQLite)."""
    add_news(3, "fr", prefix="Campus")
    response = admin_client.get("/admin/pages/search/?q=Campus")
    assert response.status_code == 200
    assert "Campus 1" in response.content.decode()
