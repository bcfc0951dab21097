"""Every page type renders with a small, fixed number of queries, whatever the amount of content.

Measured with the full-page cache off (``PAGE_CACHE=False``), in both languages, with 5
and with 200 news items per language (and as many partners named, related items and
objectives as a busy site would have):

- warm: the second render of a page, the fragment caches filled by the first one (menu,
  language links, footer, partner strips, routes, filter choices);
- cold: right after ``cache.clear()``, as after a deployment or a cache flush.

The budgets are exact: a change that adds a query per item (N+1), or a new query per
page, fails here and must say why. Every page starts with what Wagtail's serve view does
before handing over to the home page's route: the Site, the active Locale, the site's
root page (the French home page) and its ``.specific``; in English, the English home
page (``site.root_page.localized``) instead of the French one's ``.specific``, one more.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from home.models import HomePage, SitemapPage, StandardPage
from mission.models import (
    MissionPage,
    ObjectiveIndexPage,
    ObjectivePage,
    PillarIndexPage,
    PillarPage,
)
from news.models import NewsCategory, NewsIndexPage, NewsPage, NewsPagePartner, NewsPageRelatedItem
from partners.models import Partner, PartnersPage
from press.models import PressRoomPage
from search.models import SearchPage
from tests.factories import make_image

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("news_amount")]

PARIS = ZoneInfo("Europe/Paris")
PRESS_RELEASES = {"communique-de-presse", "press-release"}
# page type: {language: (warm, cold)}. Warm: the four (English: five) queries of Wagtail's
# serve view above, then Wagtail's routing, two queries per URL segment below the home page
# (the child by slug, then its .specific), then the page's own listings; the breadcrumbs
# and a news item's image, category and press contact are cached lookups.
# Cold adds the cached lookups, each once: view restrictions, home pages, translations,
# ancestors, menu, search page, footer, filter choices, strips.
BUDGETS = {
    # Served as Wagtail's serve view finds it (no route below it): + its image and the
    # image's renditions. Pillars, objectives, latest news, partners: cached bands.
    "HomePage": {"fr": (5, 20), "en": (6, 21)},
    "MissionPage": {"fr": (5, 17), "en": (6, 18)},
    "StandardPage": {"fr": (5, 17), "en": (6, 18)},
    "SearchPage": {"fr": (6, 18), "en": (7, 19)},
    # + the partners, with their logos' renditions when there are some
    "PartnersPage": {"fr": (6, 18), "en": (7, 19)},
    "ObjectiveIndexPage": {"fr": (6, 18), "en": (7, 19)},  # + the cards
    "PillarIndexPage": {"fr": (6, 18), "en": (7, 19)},
    # + the pillars it serves, its position among its siblings
    "ObjectivePage": {"fr": (9, 21), "en": (10, 22)},
    "PillarPage": {"fr": (8, 20), "en": (9, 21)},  # + the objectives it serves
    # The filter choices, the count and the page of the listing are cached (cold: read)
    "NewsIndexPage": {"fr": (5, 22), "en": (6, 23)},
    # Two segments below the home page; its image, category, press contact, tags and
    # related items are cached per content version, read cold only (partners: a strip)
    "NewsPage": {"fr": (7, 25), "en": (8, 26)},
    "PressRoomPage": {"fr": (7, 20), "en": (8, 21)},  # + releases, contacts
    "SitemapPage": {"fr": (7, 19), "en": (8, 20)},  # + its home page and the tree
}
PAGE_TYPES = {
    model.__name__: model
    for model in (
        HomePage,
        MissionPage,
        ObjectiveIndexPage,
        ObjectivePage,
        PillarIndexPage,
        PillarPage,
        PartnersPage,
        StandardPage,
        NewsIndexPage,
        NewsPage,
        PressRoomPage,
        SearchPage,
        SitemapPage,
    )
}
# The target for the pages visitors open most.
MOST_VISITED = {"HomePage", "NewsIndexPage", "NewsPage"}


def grow(amount):
    """News up to ``amount`` per language; with 200, also partners, related items, objectives.

    The news are created live without revisions (fast); what lists them reads only the
    page rows, so they count the same as published ones.
    """
    for code in ("fr", "en"):
        locale = Locale.objects.get(language_code=code)
        index = NewsIndexPage.objects.get(locale=locale)
        # The press room's category first: the press room lists some items whatever the amount.
        categories = sorted(
            NewsCategory.objects.filter(locale=locale),
            key=lambda category: category.slug not in PRESS_RELEASES,
        )
        existing = NewsPage.objects.filter(locale=locale).count()
        start = datetime.datetime(2023, 1, 1, 10, 0, tzinfo=PARIS)
        created = []
        for number in range(max(0, amount - existing)):
            date = start + datetime.timedelta(days=number)
            page = NewsPage(
                title=f"Brève {code} {number}",
                slug=f"breve-{number}",
                locale=locale,
                standfirst=f"Chapô {number}",
                publication_date=date,
                first_published_at=date,
                last_published_at=date,
                live=True,
                category=categories[number % len(categories)] if categories else None,
            )
            page.tags.add(f"mot-{number % 40}")
            index.add_child(instance=page)
            created.append(page)
        # Pictures where the most visited pages show one: renditions must come in one query.
        article = first_live(NewsPage, code)
        for page in (article, first_live(HomePage, code)):
            page.image = make_image(title=f"Image {code} {page.pk}")
            page.save(update_fields=["image"])
        if amount < 100:
            continue
        for number, page in enumerate(created[:12]):
            NewsPageRelatedItem.objects.create(page=article, related_page=page, sort_order=number)
    if amount < 100:
        return
    fr, en = Locale.objects.get(language_code="fr"), Locale.objects.get(language_code="en")
    for number in range(20):
        partner = Partner.objects.create(
            locale=fr,
            name=f"Entreprise {number}",
            kind=Partner.Kind.COMPANY,
            show_on_home_page=True,
        )
        partner.copy_for_translation(en).save()
        for code in ("fr", "en"):
            NewsPagePartner.objects.create(
                page=first_live(NewsPage, code), partner=partner, sort_order=number
            )
    for index in ObjectiveIndexPage.objects.filter(locale=fr):
        for number in range(10):
            index.add_child(
                instance=ObjectivePage(
                    title=f"Objectif {number}", slug=f"objectif-{number}", summary="Résumé"
                )
            )


def make_renditions():
    """Render every tested page once: renditions are created once, as on a real site."""
    client = Client()
    for model in PAGE_TYPES.values():
        for code in ("fr", "en"):
            assert client.get(first_live(model, code).url).status_code == 200


@pytest.fixture(scope="module", params=[5, 200], ids=["5-news", "200-news"])
def news_amount(request, django_db_setup, django_db_blocker):
    """The content grown once for all the tests of one amount, rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        grow(request.param)
        make_renditions()
        yield request.param
        transaction.set_rollback(True)


def first_live(model, code):
    return model.objects.live().filter(locale__language_code=code).order_by("path").first()


def clear_caches():
    """Every cache alias (the default one and Wagtail's renditions cache), for exact counts."""
    for alias in settings.CACHES:
        caches[alias].clear()


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@override_settings(PAGE_CACHE=False)
@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_query_count_per_page_type_is_constant(client, name, language, news_amount):
    page = first_live(PAGE_TYPES[name], language)
    assert page is not None, name
    url = page.url
    # A running server: process-level caches (content types…) filled, then a cache flush.
    count(client, url)
    clear_caches()
    cold = count(client, url)
    warm = count(client, url)
    assert (warm, cold) == BUDGETS[name][language], (
        f"{name} ({language}, {news_amount} news): {warm} queries warm, {cold} cold"
    )
    # The benchmark's target, on the French pages it measures; an English page adds the
    # English home page (site.root_page.localized), one query.
    if name in MOST_VISITED:
        assert warm <= (8 if language == "fr" else 9)


@override_settings(PAGE_CACHE=False)
def test_the_amounts_are_real(client, news_amount):
    """The counts above are taken with that many news items listed, in each language."""
    for code in ("fr", "en"):
        response = client.get(first_live(NewsIndexPage, code).url)
        assert response.context["result_count"] == news_amount
        article = first_live(NewsPage, code)
        assert article.image is not None
        if news_amount == 200:
            assert len(article.related_news()) >= 12
            assert len(article.partners()) >= 20
