"""The news section: one index per language, its articles, and their snippets.

The models live in articles.py (news items, categories, press contacts) and
index.py (the index, which imports the listing's filters and feeds, which import
the articles): one import direction. Other apps import them from here.
"""

from news.articles import (  # noqa: F401
    CARD_FIELDS,
    PAGE_SIZE,
    NewsCategory,
    NewsPage,
    NewsPagePartner,
    NewsPageRelatedItem,
    NewsPageTag,
    PressContact,
    news_listing,
)
from news.index import NewsIndexPage  # noqa: F401
