"""Builders for news tests: items under the loaded news index of a language."""

import datetime
from zoneinfo import ZoneInfo

from wagtail.models import Locale

from news.models import NewsCategory, NewsIndexPage, NewsPage

PARIS = ZoneInfo("Europe/Paris")


def news_index(code="fr"):
    return NewsIndexPage.objects.get(locale__language_code=code)


def category(slug, code="fr"):
    return NewsCategory.objects.get(slug=slug, locale__language_code=code)


def add_news(
    count, code="fr", *, year=2023, category_slug=None, tags=(), prefix="Brève", revisions=True
):
    """Publish count news items, one day apart in year, newest last; return them.

    With ``revisions=False`` they are created live without a revision (a tenth of the cost):
    enough for what only reads the pages' rows (listings, feeds, query counts)."""
    index = news_index(code)
    locale = Locale.objects.get(language_code=code)
    cat = category(category_slug, code) if category_slug else None
    start = datetime.datetime(year, 1, 1, 10, 0, tzinfo=PARIS)
    pages = []
    for number in range(count):
        page = NewsPage(
            title=f"{prefix} {number}",
            slug=f"{prefix.lower()}-{year}-{number}",
            locale=locale,
            standfirst=f"Chapô {number}",
            publication_date=start + datetime.timedelta(days=number % 360),
            category=cat,
        )
        if not revisions:
            page.live = True
            page.first_published_at = page.last_published_at = page.publication_date
        if tags:
            page.tags.add(*tags)
        index.add_child(instance=page)
        if revisions:
            page.save_revision().publish()
        pages.append(page)
    return pages
