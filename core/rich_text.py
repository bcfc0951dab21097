"""Internal links in rich text, in the reader's language, without a query per link.

Its own module: Wagtail's rich-text handlers need the models loaded, links.py is
imported while they load (blocks).
"""

from django.utils.html import escape
from wagtail.rich_text.pages import PageLinkHandler

from core.links import localized_page


class LocalizedPageLinkHandler(PageLinkHandler):
    """Wagtail's page links in rich text (``page.localized.url``), through ``localized_page``.

    Wagtail's handler loads the linked pages (two queries per rich text) and then
    looks each one's translation up (two more per link, on English pages). Links to
    anything but a live page (a draft, a deleted page) keep Wagtail's behaviour.
    """

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        pages = []
        for attrs in attrs_list:
            try:
                pages.append(localized_page(int(attrs.get("id"))))
            except (TypeError, ValueError):
                pages.append(None)
        if None in pages:
            fallback = super().expand_db_attributes_many(attrs_list)
        return [
            f'<a href="{escape(page.url)}">' if page is not None else fallback[index]
            for index, page in enumerate(pages)
        ]
