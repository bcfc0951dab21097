"""RSS 2.0 and Atom feeds of the news, per language and per category, as a feed reader sees them."""

import re

import feedparser
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from news.models import NewsPage
from tests.factories import make_image
from tests.news.helpers import add_news, news_index
from tests.news.test_index import LOADED_EN, LOADED_FR
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

INDEX = {"fr": "/fr/actualites/", "en": "/en/news/"}
LOADED = {"fr": LOADED_FR, "en": LOADED_EN}
CONTENT_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
}
BOTH = [(code, kind) for code in ("fr", "en") for kind in ("rss", "atom")]


def read_feed(client, url, kind):
    """GET a feed, check it is served as such and valid; return what feedparser made of it."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == CONTENT_TYPES[kind]
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == {"rss": "rss20", "atom": "atom10"}[kind]
    return feed


def titles(feed):
    return [entry.title for entry in feed.entries]


def illustrated_news(count, code="fr", *, prefix="Illustrée", category_slug=None, tags=()):
    """Publish count items, each with an image of its own (small: renditions stay fast)."""
    pages = []
    for page in add_news(count, code, prefix=prefix, category_slug=category_slug, tags=tags):
        page = NewsPage.objects.get(pk=page.pk)
        page.image = make_image(title=f"{prefix} {page.pk}", size=(240, 126))
        page.save_revision().publish()
        pages.append(page)
    return pages


@pytest.mark.parametrize(("code", "kind"), BOTH)
def test_a_feed_lists_the_live_items_of_its_language_newest_first(client, code, kind):
    feed = read_feed(client, f"{INDEX[code]}{kind}/", kind)
    assert titles(feed) == LOADED[code]
    assert feed.feed.language == code
    assert (
        feed.feed.title
        == {
            "fr": "PariSanté Campus – Actualités",
            "en": "PariSanté Campus – News",
        }[code]
    )
    assert feed.feed.link == f"http://testserver{INDEX[code]}"
    assert feed.feed.get("subtitle")  # RSS description / Atom subtitle: the index's intro
    for entry in feed.entries:
        assert entry.link.startswith(f"http://testserver{INDEX[code]}")
        assert entry.id == entry.link
        assert entry.published_parsed is not None
        assert entry.author == "PariSanté Campus"
        assert entry.summary


@pytest.mark.parametrize("code", ["fr", "en"])
def test_dates_are_the_displayed_and_updated_dates(client, code):
    rss = read_feed(client, f"{INDEX[code]}rss/", "rss")
    atom = read_feed(client, f"{INDEX[code]}atom/", "atom")
    # The newest loaded item is dated 15 April 2022, 00:00 Paris time.
    assert rss.entries[0].published == "Thu, 14 Apr 2022 22:00:00 +0000"
    assert atom.entries[0].published == "2022-04-14T22:00:00+00:00"
    for entry in atom.entries:
        assert entry.updated_parsed is not None
        assert entry.updated_parsed >= entry.published_parsed


def test_updated_at_is_the_atom_update_date(client):
    page = NewsPage.objects.get(slug="ambitions-de-parisante-campus")
    page.updated_at = page.publication_date.replace(year=2023)
    page.save_revision().publish()
    atom = read_feed(client, "/fr/actualites/atom/", "atom")
    assert atom.entries[0].updated.startswith("2023-04-14T22:00:00")


@pytest.mark.parametrize(("code", "kind"), BOTH)
def test_categories_are_the_category_and_the_tags(client, code, kind):
    feed = read_feed(client, f"{INDEX[code]}{kind}/", kind)
    terms = [tag.term for tag in feed.entries[0].tags]
    assert terms[0] == {"fr": "Actualité", "en": "News"}[code]
    assert "Antoine Tesnière" in terms


@pytest.mark.parametrize(("code", "kind"), BOTH)
def test_the_hero_image_is_an_enclosure(client, code, kind):
    illustrated_news(1, code)
    feed = read_feed(client, f"{INDEX[code]}{kind}/", kind)
    illustrated, *others = feed.entries
    assert illustrated.title == "Illustrée 0"
    [enclosure] = illustrated.enclosures
    assert re.fullmatch(r"http://testserver/media/.+\.jpg", enclosure.href), enclosure.href
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) > 0
    assert all(entry.enclosures == [] for entry in others)  # the loaded items have no image


def test_drafts_and_private_items_are_left_out(client):
    index = news_index("fr")
    draft = index.add_child(
        instance=NewsPage(title="Brouillon", slug="brouillon", standfirst="Pas encore", live=False)
    )
    draft.save_revision()
    [private] = add_news(1, prefix="Réservée")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for kind in ("rss", "atom"):
        feed = read_feed(client, f"/fr/actualites/{kind}/", kind)
        assert titles(feed) == LOADED_FR
    feed = read_feed(client, "/fr/actualites/rss/actualite/", "rss")
    assert "Réservée 0" not in titles(feed)


@pytest.mark.parametrize(
    ("url", "kind", "title", "items"),
    [
        (
            "/fr/actualites/rss/evenement/",
            "rss",
            "PariSanté Campus – Actualités – Événement",
            ["Le Premier ministre inaugure PariSanté Campus"],
        ),
        (
            "/en/news/atom/event/",
            "atom",
            "PariSanté Campus – News – Event",
            ["The Prime Minister inaugurates PariSanté Campus"],
        ),
    ],
)
def test_a_category_feed_lists_that_category_only(client, url, kind, title, items):
    add_news(2, "fr", category_slug="actualite")
    add_news(2, "en", category_slug="news")
    feed = read_feed(client, url, kind)
    assert feed.feed.title == title
    assert titles(feed) == items
    assert all(entry.tags[0].term == title.rsplit(" – ", 1)[1] for entry in feed.entries)


@pytest.mark.parametrize(
    "url",
    [
        "/fr/actualites/rss/inconnue/",
        "/fr/actualites/atom/inconnue/",
        "/en/news/rss/evenement/",  # a French category under the English index
        "/fr/actualites/atom/event/",
        "/fr/actualites/json/",
    ],
)
def test_an_unknown_category_or_feed_is_a_404(client, url):
    assert client.get(url).status_code == 404


def test_the_index_keeps_serving_its_filtered_pages(client):
    response = client.get("/fr/actualites/?category=evenement")
    assert response.status_code == 200
    assert "1 actualité<" in response.content.decode()
    assert client.get("/fr/actualites/?category=inconnue").status_code == 404


def feed_links(html):
    return re.findall(
        r'<link rel="alternate" type="(application/(?:rss|atom)\+xml)" title="([^"]*)" '
        r'href="([^"]*)">',
        html,
    )


@pytest.mark.parametrize("code", ["fr", "en"])
def test_the_index_announces_the_feeds_of_its_language(client, code):
    html = client.get(INDEX[code]).content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    links = feed_links(html)
    assert [(mime, href) for mime, _, href in links] == [
        ("application/rss+xml", f"{INDEX[code]}rss/"),
        ("application/atom+xml", f"{INDEX[code]}atom/"),
    ]
    for mime, _, href in links:
        response = client.get(href)
        assert response.status_code == 200
        assert response["Content-Type"].startswith(mime)


@pytest.mark.parametrize(
    ("url", "category"),
    [
        ("/fr/actualites/ambitions-de-parisante-campus/", "actualite"),
        ("/en/news/parisante-campus-inaugurated/", "event"),
    ],
)
def test_an_article_announces_its_language_and_category_feeds(client, url, category):
    html = client.get(url).content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    links = feed_links(html)
    index = url.rsplit("/", 2)[0] + "/"
    assert [href for _, _, href in links] == [
        f"{index}rss/",
        f"{index}atom/",
        f"{index}rss/{category}/",
        f"{index}atom/{category}/",
    ]
    for mime, title, href in links:
        response = client.get(href)
        assert response.status_code == 200
        assert response["Content-Type"].startswith(mime)
        kind = "rss" if "rss" in mime else "atom"
        feed = feedparser.parse(response.content)
        assert title == f"{feed.feed.title} ({'RSS' if kind == 'rss' else 'Atom'})"


def test_feed_urls_of_the_index(client):
    index = news_index("fr")
    assert index.feed_url("rss") == "/fr/actualites/rss/"
    category = NewsPage.objects.get(slug="ambitions-de-parisante-campus").category
    assert index.feed_url("atom", category) == "/fr/actualites/atom/actualite/"


def test_a_feed_holds_the_20_newest_items_for_the_same_queries_as_with_few(client):
    # One illustrated, tagged item per language beside the loaded ones; then many more.
    illustrated_news(1, "fr", category_slug="actualite", tags=["Essai"])
    illustrated_news(1, "en", category_slug="news", tags=["Essai"])
    urls = [
        "/fr/actualites/rss/",
        "/fr/actualites/atom/",
        "/fr/actualites/rss/actualite/",
        "/en/news/atom/news/",
    ]
    before = [count_queries(client, url) for url in urls]
    illustrated_news(25, "fr", prefix="Autre", category_slug="actualite", tags=["Essai", "Plus"])
    illustrated_news(25, "en", prefix="Other", category_slug="news", tags=["Essai", "Plus"])
    after = [count_queries(client, url) for url in urls]
    assert after == before, (before, after)
    feed = read_feed(client, "/fr/actualites/rss/", "rss")
    assert len(feed.entries) == 20
    assert feed.entries[0].title == "Autre 24"
    assert all(len(entry.enclosures) == 1 for entry in feed.entries)


def count_cold_queries(client, url):
    """Queries of a GET after the cache is emptied (renditions and site root paths included)."""
    client.get(url)  # create the renditions
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_renditions_cost_one_query_even_with_a_cold_cache(client):
    illustrated_news(1, "fr", tags=["Essai"])
    before = count_cold_queries(client, "/fr/actualites/atom/")
    illustrated_news(25, "fr", prefix="Autre", tags=["Essai"])
    assert count_cold_queries(client, "/fr/actualites/atom/") == before


@pytest.mark.parametrize("slug", ["rss", "atom"])
def test_an_article_cannot_take_a_feed_address(slug):
    from django.core.exceptions import ValidationError

    article = NewsPage.objects.filter(locale__language_code="fr").first()
    article.slug = slug
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "slug" in error.value.message_dict
