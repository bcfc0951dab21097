"""The URLs of the news feeds, purged whenever anything is published (core/invalidation.py)."""

from news.models import NewsCategory, NewsIndexPage


def feed_paths(index):
    """Paths, relative to a news index, of its feeds: all items and each category."""
    categories = NewsCategory.objects.filter(locale_id=index.locale_id)
    for kind, _label, _type in NewsIndexPage.FEED_KINDS:
        yield index.reverse_subpage(f"{kind}_feed")
        for category in categories:
            kwargs = {"category_slug": category.slug}
            yield index.reverse_subpage(f"{kind}_category_feed", kwargs=kwargs)


def add_feed_urls(batch):
    """Every news feed: all languages, every category."""
    for index in NewsIndexPage.objects.live():
        url = index.get_full_url()
        if url:
            batch.add_urls(url + path for path in feed_paths(index))
