"""What crawlers and link previews read: canonical, description, Open Graph, Twitter, JSON-LD."""

import json

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage
from wagtail.models import Page

from home.models import HomePage
from news.models import NewsPage
from tests.factories import make_image

pytestmark = pytest.mark.django_db


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").head


def meta(head, key):
    tag = head.find("meta", attrs={"property": key}) or head.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def json_ld(head):
    return [json.loads(tag.string) for tag in head.find_all("script", type="application/ld+json")]


def inauguration(language):
    return NewsPage.objects.live().get(
        locale__language_code=language, publication_date__year=2022, publication_date__month=4
    )


def test_every_page_has_canonical_description_and_share_card(client):
    for page in Page.objects.live().filter(depth__gte=2).specific():
        head = head_of(client, page.url)
        assert head.find("link", rel="canonical")["href"] == f"http://testserver{page.url}"
        assert meta(head, "description"), page.url
        assert meta(head, "og:title") == (page.seo_title or page.title)
        assert meta(head, "og:url") == f"http://testserver{page.url}"
        assert meta(head, "og:image").startswith("http://testserver/")
        assert meta(head, "twitter:card") == "summary_large_image"


def test_description_falls_back_to_the_page_own_text(client):
    article = inauguration("fr")
    assert not article.search_description
    assert meta(head_of(client, article.url), "description") == article.standfirst[:200]
    article.search_description = "Une description écrite pour les moteurs."
    article.save_revision().publish()
    assert meta(head_of(client, article.url), "description") == article.search_description


@pytest.mark.parametrize("language", ["fr", "en"])
def test_article_carries_news_article_json_ld(client, language):
    article = inauguration(language)
    head = head_of(client, article.url)
    assert meta(head, "og:type") == "article"
    assert meta(head, "og:locale") == {"fr": "fr_FR", "en": "en_GB"}[language]
    assert meta(head, "article:published_time") == "2022-04-15T00:00:00+02:00"
    (data,) = json_ld(head)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["inLanguage"] == language
    assert data["datePublished"] == "2022-04-15T00:00:00+02:00"
    assert data["dateModified"]
    assert data["author"]["name"] == "PariSanté Campus"
    assert data["publisher"]["logo"]["url"].endswith(".png")
    assert data["image"] and data["image"][0].startswith("http://testserver/")
    assert data["mainEntityOfPage"] == f"http://testserver{article.url}"
    # The translation is announced with hreflang.
    other = article.get_translations().get()
    assert head.find("link", hreflang=other.locale.language_code)


def test_share_image_is_a_1200x630_rendition_of_the_hero(client, settings):
    article = inauguration("fr")
    article.image = make_image(size=(2400, 1600))
    article.image_alt = "L'atrium du campus"
    article.save_revision().publish()
    head = head_of(client, article.url)
    url = meta(head, "og:image")
    assert "/media/images/" in url and "1200x630" in url
    assert (meta(head, "og:image:width"), meta(head, "og:image:height")) == ("1200", "630")
    assert meta(head, "og:image:alt") == "L'atrium du campus"
    path = settings.MEDIA_ROOT + url.split("/media", 1)[1]
    with PILImage.open(path) as rendition:
        assert rendition.size == (1200, 630)
    assert json_ld(head)[0]["image"] == [url]


def test_json_ld_cannot_be_closed_by_page_text(client):
    article = inauguration("fr")
    article.title = "Titre </script><script>alert(1)</script>"
    article.save_revision().publish()
    head = head_of(client, article.url)
    (data,) = json_ld(head)
    assert data["headline"] == article.title
    assert not head.find(
        "script", string=lambda text: text and "alert(1)" in text and "{" not in text
    )


def test_home_page_carries_organization_json_ld(client):
    home = HomePage.objects.get(locale__language_code="fr")
    (data,) = json_ld(head_of(client, home.url))
    assert data["@type"] == "Organization"
    assert data["name"] == "PariSanté Campus"
    assert data["logo"]["url"].startswith("http://testserver/static/")
