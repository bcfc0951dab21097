"""A news article as a visitor sees it, in both languages; the home page's latest news."""

import datetime
import re

import pytest

from content.pages import HOME
from news.models import NewsPage, PressContact
from tests.home import shipped
from tests.news.helpers import PARIS, add_news

pytestmark = pytest.mark.django_db


def article(code):
    return NewsPage.objects.get(
        slug={"fr": "ambitions-de-parisante-campus", "en": "ambitions-of-parisante-campus"}[code]
    )


@pytest.mark.parametrize(
    ("code", "url", "date", "category"),
    [
        ("fr", "/fr/actualites/ambitions-de-parisante-campus/", "15 avril 2022", "Actualité"),
        ("en", "/en/news/ambitions-of-parisante-campus/", "15 April 2022", "News"),
    ],
)
def test_article_shows_category_and_date_in_the_visitors_language(
    client, code, url, date, category
):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    kicker = re.search(r'<p class="kicker">(.*?)</p>', html, re.S).group(1)
    assert category in kicker and date in kicker
    # Loaded at 00:00 Paris time, the convention for "no precise time": the date alone.
    assert ":" not in re.sub(r"<[^>]+>", "", kicker)
    assert html.index('<p class="kicker">') < html.index("<h1>")
    assert '<time datetime="2022-04-15T00:00:00+02:00">' in kicker


@pytest.mark.parametrize(
    ("code", "expected"), [("fr", "15 avril 2022 à 09:30"), ("en", "15 April 2022 at 09:30")]
)
def test_article_shows_its_time_when_it_has_one(client, code, expected):
    page = NewsPage.objects.get(locale__language_code=code, publication_date__year=2022)
    page.publication_date = datetime.datetime(2022, 4, 15, 9, 30, tzinfo=PARIS)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    kicker = re.search(r'<p class="kicker">(.*?)</p>', html, re.S).group(1)
    assert expected in re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", kicker))


@pytest.mark.parametrize(
    ("code", "role"),
    [
        ("fr", "Directeur de recherche à l&#x27;Inserm"),
        ("en", "Research director at Inserm, in the project&#x27;s presentation video"),
    ],
)
def test_quotes_are_attributed_with_speaker_and_role(client, code, role):
    html = client.get(article(code).url).content.decode()
    speakers = re.findall(r'<span class="quote__speaker">([^<]*)</span>', html)
    assert speakers == ["Antoine Tesnière", "Mickaël Tanter"]
    assert role in html


@pytest.mark.parametrize(
    ("code", "links"),
    [
        ("fr", ["/fr/objectifs/donnees-de-sante/", "/fr/piliers/la-creation-de-valeur/"]),
        ("en", ["/en/objectives/health-data/", "/en/pillars/value-creation/"]),
    ],
)
def test_article_links_to_objectives_and_pillars_in_its_language(client, code, links):
    html = client.get(article(code).url).content.decode()
    assert html.count('class="cta"') == 7
    for link in links:
        assert f'href="{link}"' in html


@pytest.mark.parametrize(("code", "name"), [("fr", "Inserm"), ("en", "Inserm")])
def test_article_shows_partners_and_tags(client, code, name):
    html = client.get(article(code).url).content.decode()
    assert "partner-tile" in html and name in html
    assert "?tag=antoine-tesniere" in html


def test_press_contact_box(client):
    page = article("fr")
    page.press_contact = PressContact.objects.create(
        locale=page.locale,
        name="Service de presse",
        role="Relations presse",
        email="presse@example.org",
        phone="+33 1 23 45 67 89",
    )
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Contact presse" in html
    assert '<a href="mailto:presse@example.org">presse@example.org</a>' in html
    assert '<a href="tel:+33123456789">+33 1 23 45 67 89</a>' in html


def test_updated_on_is_shown_only_when_set(client):
    page = article("fr")
    assert "Mis à jour le" not in client.get(page.url).content.decode()
    page.updated_at = datetime.datetime(2022, 5, 2, 9, 0, tzinfo=PARIS)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Mis à jour le" in html and "2 mai 2022" in html


def test_publication_date_defaults_to_the_first_publication():
    (page,) = add_news(1)
    page.publication_date = None
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.publication_date == page.first_published_at


def test_related_items_are_shown_in_the_visitors_language(client):
    from news.models import NewsPageRelatedItem

    fr = article("fr")
    other = NewsPage.objects.get(slug="inauguration-de-parisante-campus")
    fr.related_items = [NewsPageRelatedItem(related_page=other)]
    fr.save_revision().publish()
    html = client.get(fr.url).content.decode()
    assert "À lire aussi" in html
    assert 'href="/fr/actualites/inauguration-de-parisante-campus/"' in html


@pytest.mark.parametrize(
    ("code", "url", "heading", "titles"),
    [
        (code, shipped.url(HOME, code), getattr(HOME.fields["news_heading"], code), titles[:3])
        for code, titles in (("fr", shipped.news_titles("fr")), ("en", shipped.news_titles("en")))
    ],
)
def test_home_shows_the_three_latest_items_in_its_language(client, code, url, heading, titles):
    html = client.get(url).content.decode()
    start = html.index(f"<h2>{heading}</h2>")
    section = html[start : html.index("</section>", start)]
    links = re.findall(r'class="card__link" href="([^"]*)">([^<]*)</a>', section)
    assert [title for _href, title in links] == titles
    assert all(href.startswith(f"/{code}/") for href, _title in links)
    assert section.count('<p class="card__date">') == 3
