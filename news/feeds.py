"""RSS 2.0 and Atom feeds of the news, per language and per category.

Routed under each language's news index (``NewsIndexPage`` routes ``rss/``,
``atom/``, ``rss/<category>/``, ``atom/<category>/``), so a feed only ever
holds the live, public items of its index's language, and its language is the
one the URL prefix has activated. Nothing is cached here: any cache put in
front of these responses must be keyed by the full URL, which carries the
language, never by the feed type or category alone (languages would bleed).

A feed object is built for each request (see the routes), so it may keep the
request it serves: the item methods need it for absolute URLs.
"""

import mimetypes
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext

from images.models import CampusRendition
from news.articles import NewsCategory, NewsPage, news_listing

FEED_SIZE = 20
# Open Graph size: what feed readers and social previews expect.
IMAGE_FILTER = "fill-1200x630|format-jpeg"


@dataclass(frozen=True)
class NewsFeedScope:
    """What one feed covers: the news index of a language, and maybe one of its categories."""

    index: "NewsIndexPage"  # noqa: F821  (news/index.py routes the feeds)
    category: NewsCategory | None = None


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed
    request: HttpRequest

    def get_object(self, request, *, index, category_slug=None):
        self.request = request
        category = None
        if category_slug is not None:
            # Only a category of this language: DoesNotExist answers 404.
            category = NewsCategory.objects.get(
                locale_id=index.locale_id, slug=category_slug, live=True
            )
        return NewsFeedScope(index=index, category=category)

    def title(self, scope: NewsFeedScope) -> str:
        return scope.index.feed_title(scope.category)

    def link(self, scope: NewsFeedScope) -> str:
        return scope.index.get_full_url(self.request)

    def feed_url(self, scope: NewsFeedScope) -> str:
        return self.request.build_absolute_uri(self.request.path)

    def description(self, scope: NewsFeedScope) -> str:
        if scope.category is not None:
            return gettext(
                "Les dernières actualités de PariSanté Campus dans la catégorie « %(category)s »."
            ) % {"category": scope.category.name}
        return scope.index.intro or gettext("Les dernières actualités de PariSanté Campus.")

    def subtitle(self, scope: NewsFeedScope) -> str:
        # Atom has no description: its subtitle says the same.
        return self.description(scope)

    def author_name(self, scope: NewsFeedScope) -> str:
        return settings.WAGTAIL_SITE_NAME

    def categories(self, scope: NewsFeedScope) -> list[str]:
        return [scope.category.name] if scope.category is not None else []

    def items(self, scope: NewsFeedScope):
        pages = news_listing(scope.index.locale_id)
        if scope.category is not None:
            pages = pages.filter(category=scope.category)
        # news_listing already joins category and image; tags and the one rendition
        # used come in two more queries, whatever the number of items, even with a
        # cold rendition cache. The to_attr is the one Image.get_renditions() reads
        # (ImageQuerySet.prefetch_renditions() does the same from the image side).
        return pages.prefetch_related(
            "tagged_items__tag",
            Prefetch(
                "image__renditions",
                queryset=CampusRendition.objects.filter(filter_spec=IMAGE_FILTER),
                to_attr="prefetched_renditions",
            ),
        )[:FEED_SIZE]

    def item_title(self, item: NewsPage) -> str:
        # Plain text: the XML writer escapes it once (Django's default escapes twice).
        return item.title

    def item_description(self, item: NewsPage) -> str:
        # RSS descriptions and Atom summaries (type="html") are HTML.
        return escape(item.standfirst)

    def item_link(self, item: NewsPage) -> str:
        return item.get_full_url(self.request)

    def item_guid(self, item: NewsPage) -> str:
        return self.item_link(item)

    item_guid_is_permalink = True

    def item_pubdate(self, item: NewsPage):
        return item.sort_date  # the date shown on the site (news_listing)

    def item_updateddate(self, item: NewsPage):
        return item.updated_at or item.last_published_at

    def item_author_name(self, item: NewsPage) -> str:
        return settings.WAGTAIL_SITE_NAME

    def item_categories(self, item: NewsPage) -> list[str]:
        tags = sorted(tagged.tag.name for tagged in item.tagged_items.all())
        return ([item.category.name] if item.category else []) + tags

    def item_enclosures(self, item: NewsPage) -> list[Enclosure]:
        if item.image is None:
            return []
        # get_renditions(), unlike get_rendition(), does not write a prefetched
        # rendition back to the cache: no cache round trip per item.
        rendition = item.image.get_renditions(IMAGE_FILTER)[IMAGE_FILTER]
        try:
            length = rendition.file.size
        except OSError:  # file missing from storage: still announce the image
            length = 0
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        url = self.request.build_absolute_uri(rendition.url)
        return [Enclosure(url=url, length=str(length), mime_type=mime_type)]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
