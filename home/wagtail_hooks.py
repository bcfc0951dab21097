"""Internal links in rich text, in the reader's language, without a query per link."""

from django.utils.html import escape
from wagtail import hooks
from wagtail.rich_text.pages import PageLinkHandler

from home.routing import localized_page


class LocalizedPageLinkHandler(PageLinkHandler):
    """Wagtail's page links (``page.localized.url``), from the cached map of live pages.

    Wagtail's handler loads the linked pages (two queries per rich text) and then
    looks each one's translation up (two more per link, on English pages). Here a
    link to a live page costs nothing once the map is warm (home/routing.py); links
    to anything else (a draft, a deleted page) keep Wagtail's behaviour.
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


@hooks.register("register_rich_text_features", order=1)
def localized_page_links(features):
    # After Wagtail's own registration (order 0), which this one replaces.
    features.register_link_type(LocalizedPageLinkHandler)
