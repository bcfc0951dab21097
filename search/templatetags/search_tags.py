"""The header's search box: where it sends the query, without a query per page."""

from django import template
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Site

register = template.Library()

CACHE_KEY = "search:page-urls"
CACHE_TIMEOUT = 60 * 60  # signals clear it sooner (search.signals)


@register.simple_tag(takes_context=True)
def search_page_url(context):
    """URL of the live search page of the active language on the request's site; "" if none.

    Cached for every site and language under one key, cleared whenever a search
    page is published, unpublished, moved, renamed or deleted.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return ""
    language = translation.get_language()
    key = f"{site.pk}:{language}"
    urls = cache.get(CACHE_KEY) or {}
    if key not in urls:
        from search.models import SearchPage

        page = (
            SearchPage.objects.live()
            .public()
            .filter(locale__language_code=language)
            .order_by("path")
            .first()
        )
        urls[key] = (page.get_url(request) or "") if page is not None else ""
        cache.set(CACHE_KEY, urls, CACHE_TIMEOUT)
    return urls[key]
