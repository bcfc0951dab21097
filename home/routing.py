"""Routing below each language's home page in two queries, through ``Page.route``.

Wagtail's ``Page.route`` (its public extension point) walks the tree one URL segment at
a time: a query for the child with that slug, then ``.specific`` (a second query), per
segment. Measured in one run (docs/architecture.md, "Routing"), that walk is a third of
an article's uncached render; ``HomePage.route`` hands the rest of the path to
``route_below`` instead, which keeps Wagtail's rules:

- each URL prefix names one page by its ``url_path`` (the slugs of the language's
  tree: translated slugs come with it); a missing prefix is a 404;
- a page on the way that routes on its own (``RoutablePageMixin``: the news feeds) is
  given the rest of the path, as Wagtail would;
- the page found is served only if it is live (its own ``route``); view restrictions
  are still checked by Wagtail's ``on_serve_page`` hook.

The pages on the way are one cached lookup (core/cache.py, keyed on the content
version, which every publication, move or deletion changes); the page served is always
read from the database with what its template needs (``serve_queryset``) and checked
against the path, so a stale entry can only cost the slow path, never a wrong page.
"""

import hashlib

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from core.cache import cache_key, cached
from core.links import ROUTE_FIELDS, page_from_row

# No page lies deeper than treebeard's path allows (255 characters, 4 per level, the
# root and the home page included): prefixes past that name no page. Without this
# bound, a URL of thousands of segments costs as many SQL parameters.
MAX_LEVELS = Page._meta.get_field("path").max_length // Page.steplen - 2
URL_PATH = ROUTE_FIELDS.index("url_path")


def route_below(root, request, path_components):
    """``Page.route`` from ``root`` (the specific home page), in one or two queries."""
    if not path_components:
        return Page.route(root, request, path_components)
    prefixes = []
    url_path = root.url_path
    for component in path_components[:MAX_LEVELS]:
        url_path += component + "/"
        prefixes.append(url_path)

    def rows_on_the_way():
        found = Page.objects.filter(url_path__in=prefixes, path__startswith=root.path)
        return {row[URL_PATH]: row for row in found.values_list(*ROUTE_FIELDS)}

    # Hashed: a URL path is as long as a visitor makes it, a cache key should not be.
    digest = hashlib.sha256(url_path.encode("utf-8", "surrogateescape")).hexdigest()
    rows = cached(cache_key(request, "route", digest), rows_on_the_way)
    try:
        return serve_from(root, request, path_components, prefixes, rows)
    except StaleRoute:
        # A remembered page that has since moved or gone: ask the database once more.
        return serve_from(root, request, path_components, prefixes, rows_on_the_way())


class StaleRoute(Http404):
    """The page a remembered route names is no longer at that address."""


def serve_from(root, request, path_components, prefixes, rows):
    pages = []
    for prefix in prefixes:
        if prefix not in rows:
            break
        pages.append(page_from_row(rows[prefix]))
    # Wagtail hands the rest of the path to the first page that routes on its own.
    for depth, page in enumerate(pages):
        remaining = path_components[depth + 1 :]
        if depth == len(path_components) - 1 or routes_itself(page, remaining):
            break
    else:
        raise Http404  # a prefix names no page
    model = type(page)
    queryset = model.objects.filter(pk=page.pk, url_path=page.url_path)
    specific = getattr(model, "serve_queryset", lambda queryset: queryset)(queryset).first()
    if specific is None:
        raise StaleRoute
    # The breadcrumbs' ancestors, without the query of get_ancestors().
    specific.route_ancestors = [root, *pages[:depth]]
    return specific.route(request, list(path_components[depth + 1 :]))


def routes_itself(page, remaining):
    """Whether ``page`` would not hand ``remaining`` to its child as ``Page.route`` does.

    A RoutablePageMixin page takes the path when it is live and one of its routes
    matches it (no query: the routes are the class's); any other class with its own
    ``route`` is always given the rest of the path.
    """
    model = type(page)
    if model.route is Page.route:
        return False
    if issubclass(model, RoutablePageMixin) and model.route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            model.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
        except Http404:
            return False
    return True
