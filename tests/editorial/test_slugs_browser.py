"""The short slug while the editor types the title, in Chromium (static/editorial/slug.js).

The server shortens an automatic slug when the page is saved (test_slugs.py); the
editor must see the same short address before saving, in Wagtail's slug field.
"""

import pytest
from wagtail.models import Locale

from editorial.slugs import short_slug
from news.models import NewsIndexPage

pytestmark = pytest.mark.django_db

TITLE = "Inauguration de PariSanté Campus par le président de la République"


def test_the_slug_field_shows_the_short_slug_while_the_title_is_typed(
    browser,
    server,
    editor_cookie,
):
    index = NewsIndexPage.objects.get(locale=Locale.objects.get(language_code="fr"))
    context = browser.new_context(locale="fr-FR")
    context.add_cookies([editor_cookie])
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        response = page.goto(f"{server.url}/admin/pages/add/news/newspage/{index.pk}/")
        assert response.status == 200
        # Typed key by key, as an editor does: Wagtail syncs the slug on each key.
        page.locator("#id_title").press_sequentially(TITLE, delay=5)
        page.locator("#id_title").blur()
        expected = short_slug(TITLE)
        assert expected == "inauguration-parisante-campus-president-republique"
        page.wait_for_function(
            "expected => document.querySelector('#id_slug').value === expected", arg=expected
        )
    finally:
        context.close()
