"""The short slug while the editor types the title, in Chromium (static/editorial/slug.js).

The server shortens an automatic slug when the page is saved (test_slugs.py); the
editor must see the same short address before saving, in Wagtail's slug field.
"""

import secrets

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import Locale

from editorial.roles import EDITORS_GROUP
from editorial.slugs import short_slug
from news.models import NewsIndexPage
from tests.accessibility.conftest import browser, content_db, server  # noqa: F401

pytestmark = pytest.mark.django_db

TITLE = "Inauguration de PariSanté Campus par le président de la République"


@pytest.fixture(scope="module")
def editor_cookie(server):  # noqa: F811
    from tests.editorial.moderation_helpers import make_user

    user = make_user(f"adresse-{secrets.token_hex(4)}", EDITORS_GROUP)
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    yield {"name": cookie.key, "value": cookie.value, "url": server.url}
    user.delete()


def test_the_slug_field_shows_the_short_slug_while_the_title_is_typed(
    browser,  # noqa: F811
    server,  # noqa: F811
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
