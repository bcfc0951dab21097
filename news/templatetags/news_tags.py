"""News cards as plain data: what news/news_cards.html writes, computed in one pass."""

import datetime
from functools import lru_cache

from django import template
from django.template.defaultfilters import date as format_date
from django.utils.timezone import template_localtime
from django.utils.translation import get_language

register = template.Library()


@lru_cache(maxsize=4096)
def day_text(iso_datetime, language):
    """|date:"j F Y" of a local datetime given as its ISO 8601 text, in ``language``.

    Remembered per date, offset and language (formatting a date costs more than the rest
    of a card, and the same few hundred dates are shown again and again).
    """
    return format_date(datetime.datetime.fromisoformat(iso_datetime), "j F Y")


def card_dates(date, language):
    """(|date:"c", |date:"j F Y") of an aware local datetime."""
    iso_datetime = date.isoformat()  # what |date:"c" writes
    return iso_datetime, day_text(iso_datetime, language)


@register.simple_tag(takes_context=True)
def news_card_items(context, cards):
    """[{"url", "title", "summary", "category", "datetime", "date"}], one per NewsPage.

    The values the card template would compute itself (pageurl, |date:"c",
    |date:"j F Y" in the visitor's language, Paris time), without a template lookup
    per field; "" where a card has no category or date. No query: the cards come with
    their category (news_listing, related_news, press_releases).
    """
    request = context.get("request")
    language = get_language()
    items = []
    for card in cards:
        date = card.display_date
        datetime_text, date_text = (
            card_dates(template_localtime(date, context.use_tz), language) if date else ("", "")
        )
        category = card.category
        items.append(
            {
                "url": card.get_url(request),
                "title": card.title,
                "summary": card.summary,
                "category": category.name if category is not None else "",
                "datetime": datetime_text,
                "date": date_text,
            }
        )
    return items
