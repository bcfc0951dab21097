"""Error pages: 404 and 500 in the site's design and in the language of the URL.

The 500 page links to the home and search pages of its language and needs no database.
This module is also the URLconf of the 500 tests (``pytest.mark.urls(__name__)``): the
site's URLs, plus a view that fails, under each language prefix.
"""

from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.db import OperationalError, connection
from django.test import Client
from django.urls import get_resolver, path
from wagtail.models import Page

from campus import urls as campus_urls
from campus.views import server_error


def boom(request):
    raise RuntimeError("Something failed")


urlpatterns = [
    path("fr/boom/", boom),
    path("en/boom/", boom),
    path("boom/", boom),
    *campus_urls.urlpatterns,
]
handler500 = campus_urls.handler500


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def search_page_url(language):
    """The live search page of language, made if the search app has none yet."""
    search_models = pytest.importorskip("search.models")
    page = (
        search_models.SearchPage.objects.live()
        .filter(locale__language_code=language)
        .order_by("path")
        .first()
    )
    if page is None:
        home = Page.objects.get(depth=2, locale__language_code=language)
        title, slug = ("Recherche", "recherche") if language == "fr" else ("Search", "search")
        page = home.add_child(instance=search_models.SearchPage(title=title, slug=slug))
        page.save_revision().publish()
    return page.url


# 404 ------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "language", "title", "home"),
    [
        ("/fr/page-introuvable/", "fr", "Page introuvable", "/fr/"),
        ("/en/no-such-page/", "en", "Page not found", "/en/"),
    ],
)
def test_404_is_in_the_language_of_the_url_with_links_home_and_to_search(
    client, url, language, title, home
):
    search = search_page_url(language)
    response = client.get(url)
    assert response.status_code == 404
    soup = soup_of(response)
    assert soup.html["lang"] == language
    assert soup.find("h1").get_text(strip=True) == title
    main = soup.find("main")
    links = {a["href"] for a in main.find_all("a")}
    assert home in links
    assert search in links
    assert search.startswith(f"/{language}/")
    # The site's design: header, menu and footer are there.
    assert soup.find("header", class_="site-header")
    assert soup.find("footer", class_="site-footer")


# 500 ------------------------------------------------------------------------------------


def test_the_site_uses_the_campus_500_handler():
    assert campus_urls.handler500 == "campus.views.server_error"
    assert get_resolver("campus.urls").resolve_error_handler(500) is server_error


@pytest.mark.urls(__name__)
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "language", "title", "home", "search"),
    [
        ("/fr/boom/", "fr", "Le site rencontre un problème", "/fr/", "/fr/recherche/"),
        ("/en/boom/", "en", "Something went wrong", "/en/", "/en/search/"),
        ("/boom/", "fr", "Le site rencontre un problème", "/fr/", "/fr/recherche/"),
    ],
)
def test_500_is_in_the_language_of_the_url(url, language, title, home, search):
    client = Client(raise_request_exception=False)
    response = client.get(url)
    assert response.status_code == 500
    soup = soup_of(response)
    assert soup.html["lang"] == language
    assert soup.find("h1").get_text(strip=True) == title
    assert title in soup.title.get_text()
    links = [a["href"] for a in soup.find("main").find_all("a")]
    assert links[:2] == [home, search]
    # The other language is one link away, marked as such.
    other = soup.find("main").find("a", hreflang=True)
    assert other["hreflang"] != language
    assert soup.find("link", rel="stylesheet")["href"] == "/static/css/main.css"


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_500_makes_no_database_query(django_assert_num_queries):
    client = Client(raise_request_exception=False)
    with django_assert_num_queries(0):
        response = client.get("/en/boom/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


@pytest.mark.urls(__name__)
@pytest.mark.django_db
@pytest.mark.parametrize(("url", "title"), [("/fr/boom/", "problème"), ("/en/boom/", "wrong")])
def test_500_renders_with_the_database_unreachable(rf, url, title):
    def unreachable(*args, **kwargs):
        raise OperationalError("could not connect to server")

    with mock.patch.object(connection, "cursor", side_effect=unreachable):
        response = Client(raise_request_exception=False).get(url)
        direct = server_error(rf.get(url))
    for result in (response, direct):
        assert result.status_code == 500
        assert title in result.content.decode()
