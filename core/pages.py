"""What every page type of the site shares (the page base).

Page models inherit ``CampusPageMixin`` before ``Page``: it answers Wagtail's
view-restriction check from the cache, names the queryset a page is served from,
gives the page's folded search text, its summary (search results, meta
description) and what it is for search engines (seo/), and lets a type opt out
of the site maps.
"""

from django.utils.html import strip_tags
from wagtail.models import PageViewRestriction

from core.indexing import folded_search_text
from core.visibility import may_skip_restriction_check

# Fields that summarise a page, in order of preference (the first one filled in wins).
SUMMARY_FIELDS = ("search_description", "standfirst", "summary", "intro", "hero_lead")


def page_summary(page):
    """The page's summary as plain text, from the first of SUMMARY_FIELDS filled in; or ""."""
    for name in SUMMARY_FIELDS:
        value = getattr(page, name, None)
        text = strip_tags(str(value)).strip() if value else ""
        if text:
            return text
    return ""


def listed_in_sitemaps(page):
    """False for page types that opt out (``exclude_from_sitemap = True``, e.g. search results)."""
    return not getattr(page.specific_class, "exclude_from_sitemap", False)


class CampusPageMixin:
    """The base of every page type: ``class NewsPage(CampusPageMixin, Page)``."""

    #: Left out of sitemap.xml and the « Plan du site » page when True.
    exclude_from_sitemap = False
    #: What the page is for search engines (seo/): "WebPage", "NewsArticle" (with
    #: ``article_facts``) or "Organization" (the site's home page).
    schema_type = "WebPage"

    folded_search_text = folded_search_text

    def article_facts(self):
        """{"published", "modified", "section"} for a "NewsArticle"; None otherwise."""
        return None

    def get_view_restrictions(self):
        # No query when neither the page nor an ancestor is restricted (the usual case).
        if may_skip_restriction_check(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
