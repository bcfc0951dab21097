"""The search pages of both languages, as the content loader will make them.

Created here when the loaded content has none yet; inside each test's transaction.
"""

import pytest
from wagtail.models import Locale

from home.models import HomePage
from search.models import SearchPage

TITLES = {"fr": ("Recherche", "recherche"), "en": ("Search", "search")}


@pytest.fixture
def search_pages(db):
    """{language code: live SearchPage}: /fr/recherche/ and /en/search/."""
    pages = {}
    translation_key = None
    for code in ("fr", "en"):
        page = SearchPage.objects.filter(locale__language_code=code).first()
        if page is None:
            title, slug = TITLES[code]
            home = HomePage.objects.get(locale__language_code=code)
            page = SearchPage(title=title, slug=slug, locale=Locale.objects.get(language_code=code))
            if translation_key is not None:
                page.translation_key = translation_key
            home.add_child(instance=page)
            page.save_revision().publish()
        translation_key = page.translation_key
        pages[code] = page
    return pages


@pytest.fixture
def search(client, search_pages):
    """search(code, q, **params) -> response of that language's search page."""

    def get(code, q=None, **params):
        if q is not None:
            params["q"] = q
        return client.get(search_pages[code].url, params)

    return get
