"""Rendering the news index and an article costs the same queries with 5 or 500 items."""

import pytest

from tests.news.helpers import add_news, news_index
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def test_query_counts_do_not_grow_with_the_number_of_items(client):
    # The loaded content has 4 French items: one more makes 5.
    add_news(1, category_slug="actualite", tags=["Essai"])
    article = news_index("fr").get_children().live().first().specific
    urls = [
        "/fr/actualites/",
        "/fr/actualites/?category=actualite&tag=essai&year=2023",
        article.url,
        "/fr/",
    ]
    before = [count_queries(client, url) for url in urls]
    add_news(495, category_slug="actualite", tags=["Essai"], prefix="Autre", revisions=False)
    assert news_index("fr").get_children().live().count() == 500
    after = [count_queries(client, url) for url in urls]
    assert after == before
