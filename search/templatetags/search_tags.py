"""The header's search box: where it sends the query, without a query per page."""

from django import template
from django.utils import translation
from wagtail.models import Site

from core.cache import cache_key, cached
from search.models import SearchPage

register = template.Library()


@register.simple_tag(takes_context=True)
def search_page_url(context):
    """URL of the live search page of the active language on the request's site; "" if none.

    Cached per site and language on the content version (core/cache.py), which any
    publication, move or deletion changes.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return ""
    language = translation.get_language()

    def compute():
        page = (
            SearchPage.objects.live()
            .public()
            .filter(locale__language_code=language)
            .order_by("path")
            .first()
        )
        return (page.get_url(request) or "") if page is not None else ""

    return cached(cache_key(request, "search-page-url", site.pk, language), compute)
