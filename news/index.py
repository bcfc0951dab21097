"""The news index of each language: its listing, filtered and paged, and its feeds."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from core.indexing import page_search_fields
from core.pages import CampusPageMixin
from news.articles import FEED_KINDS
from news.feeds import NewsAtomFeed, NewsRssFeed
from news.filters import filtered_news


class NewsIndexPage(CampusPageMixin, RoutablePageMixin, Page):
    """« Actualités » / « News »: the articles of its language, filtered and paged.

    Its routes add the RSS and Atom feeds of its language, all items or one
    category: ``rss/``, ``atom/``, ``rss/<slug>/``, ``atom/<slug>/`` (news/feeds.py).
    The inherited ``index_route`` (``""``) serves the page itself, as Page.serve does.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = page_search_fields(Page.search_fields, "intro")
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1
    FEED_KINDS = FEED_KINDS

    class Meta:
        verbose_name = _("liste des actualités")
        verbose_name_plural = _("listes des actualités")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(filtered_news(self, request))
        context["feed_links"] = self.feed_links(request=request)
        return context

    @path("rss/", name="rss_feed")
    @path("rss/<slug:category_slug>/", name="rss_category_feed")
    def rss_feed(self, request, category_slug=None):
        return NewsRssFeed()(request, index=self, category_slug=category_slug)

    @path("atom/", name="atom_feed")
    @path("atom/<slug:category_slug>/", name="atom_category_feed")
    def atom_feed(self, request, category_slug=None):
        return NewsAtomFeed()(request, index=self, category_slug=category_slug)

    def feed_url(self, kind, category=None, request=None, page_url=None):
        """URL (root-relative on one site) of the "rss" or "atom" feed, of one category if given.

        ``page_url``: this page's URL when the caller already has it.
        """
        if category is None:
            route = self.reverse_subpage(f"{kind}_feed")
        else:
            route = self.reverse_subpage(
                f"{kind}_category_feed", kwargs={"category_slug": category.slug}
            )
        return (page_url or self.get_url(request)) + route

    def feed_title(self, category=None):
        parts = [settings.WAGTAIL_SITE_NAME, self.title]
        if category is not None:
            parts.append(category.name)
        return " – ".join(parts)

    def feed_links(self, category=None, request=None):
        """The feeds of this language (and of one category), for <link rel="alternate">.

        No query: the URL comes from the site root paths (cached on the request when
        given), the title from this page.
        """
        page_url = self.get_url(request)
        scopes = [None] if category is None else [None, category]
        return [
            {
                "label": label,
                "type": mime_type,
                "title": self.feed_title(scope),
                "href": self.feed_url(kind, scope, page_url=page_url),
            }
            for scope in scopes
            for kind, label, mime_type in self.FEED_KINDS
        ]
