"""Which pages a visitor may see: view restrictions, from the cache.

The restricted pages and the aliases of the whole tree are listed once per content
version (core/version.py), which a saved or deleted restriction changes too.
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from core.cache import cache_key, cached


def _build_restricted_and_aliases():
    restricted = set(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())
    aliases = set(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True))
    return (frozenset(restricted), frozenset(aliases))


def restricted_and_aliases():
    """(paths of restricted pages, paths of aliases), per content version."""
    return cached(cache_key(None, "view-restrictions"), _build_restricted_and_aliases)


def public(queryset):
    """``queryset.public()`` without its query: the restricted pages come from the cache."""
    restricted, _aliases = restricted_and_aliases()
    if not restricted:
        return queryset
    excluded = Q()
    for path in restricted:
        excluded |= Q(path__startswith=path)
    return queryset.exclude(excluded)


def may_skip_restriction_check(page):
    """True when neither the page nor an ancestor is restricted, and none is an alias."""
    steplen = Page.steplen
    paths = {page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)}
    restricted, aliases = restricted_and_aliases()
    return not (page.alias_of_id or paths & restricted or paths & aliases)
