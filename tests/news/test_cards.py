"""News cards (news/news_cards.html, news/templatetags/news_tags.py) and the article's
tags and related items, cached per content version but never in a preview."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from news.models import NewsPage
from news.templatetags.news_tags import news_card_items
from tests.news.helpers import add_news

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["fr", "en"])
def test_card_dates_are_those_of_the_date_filter(code):
    page = add_news(1, code, category_slug=None)[0]
    request = RequestFactory().get("/")
    with translation.override(code):
        context = Context({"request": request})
        [item] = news_card_items(context, [page])
        expected = Template('{{ d|date:"c" }}|{{ d|date:"j F Y" }}').render(
            Context({"d": page.display_date})
        )
        assert f"{item['datetime']}|{item['date']}" == expected
        # Remembered per date and language: the same again.
        assert news_card_items(context, [page])[0]["date"] == item["date"]
    assert item["category"] == ""
    assert item["title"] == page.title
    assert item["summary"] == page.standfirst


def test_a_preview_shows_the_drafts_tags(client):
    page = add_news(1, "fr", tags=["publie"])[0]
    response = client.get(page.url)
    assert "?tag=publie" in response.content.decode()
    draft = NewsPage.objects.get(pk=page.pk)
    draft.tags.add("brouillon")
    preview = draft.make_preview_request()
    html = preview.rendered_content if hasattr(preview, "rendered_content") else preview.content
    html = html.decode() if isinstance(html, bytes) else html
    assert "?tag=brouillon" in html
    # The published page is unchanged.
    assert "?tag=brouillon" not in client.get(page.url).content.decode()
