"""Routing and serving a page in a constant, small number of queries.

Wagtail's routing walks the tree one URL segment at a time: a query for the
child with that slug, then ``.specific`` (a second query), per segment.
``HomePage.route`` (the root of each language) hands the remaining path to
``route_below`` instead, which keeps Wagtail's semantics:

- each URL prefix names one page by its ``url_path`` (the slugs of the
  language's tree: translated slugs come with it); a missing prefix is a 404;
- a page on the way whose class routes on its own (``RoutablePageMixin``:
  the news feeds) is given the rest of the path, as Wagtail would;
- the page found is served only if it is live (404 otherwise); view
  restrictions are still checked by Wagtail's ``on_serve_page`` hook.

The pages on the way (id, type, slug, title…) are remembered in the default
cache, keyed on the content version (core/version.py), which changes on every
publication, move or deletion; the page served is always read from the
database, with what its template needs (``serve_queryset``), and checked
against the path, so a stale entry can only cost the slow path, never a wrong
page. A warm request costs one query for the page (plus its prefetches); a
cold one adds a single query for the pages on the way.

``CampusPageMixin`` also answers Wagtail's view-restriction check from the
cache when no page on the way is restricted (the usual case): the restricted
pages and the aliases of the whole tree are listed once per content version,
which a saved or deleted restriction changes too (core/version.py).
"""

import hashlib

from django.core.cache import cache
from django.http import Http404
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from core.links import ROUTE_FIELDS, page_from_row
from core.version import content_version

ROUTE_TIMEOUT = 24 * 60 * 60


# No page lies deeper than treebeard's path allows (255 characters, 4 per level, the
# root and the home page included): prefixes past that name no page. Without this
# bound, a URL of thousands of segments costs as many cache keys and SQL parameters
# (megabytes of them), and every render of it the same again.
MAX_LEVELS = Page._meta.get_field("path").max_length // Page.steplen - 2


def _route_key(request, url_path):
    # Hashed: a URL path is as long as a visitor makes it, a cache key should not be.
    digest = hashlib.sha256(url_path.encode("utf-8", "surrogateescape")).hexdigest()
    return f"campus:route:{content_version(request)}:{digest}"


def pages_on_the_way(root, request, path_components, use_cache=True):
    """[Page] from root's child down to the last URL prefix that names a page.

    Stops early (shorter list) at the first prefix that names no page. Partial
    instances (ROUTE_FIELDS only), from the cache or one query; returns (pages,
    whether they all came from the cache).
    """
    prefixes = []
    url_path = root.url_path
    for component in path_components[:MAX_LEVELS]:
        url_path += component + "/"
        prefixes.append(url_path)
    keys = {prefix: _route_key(request, prefix) for prefix in prefixes}
    cached = cache.get_many(keys.values()) if use_cache else {}
    rows = {prefix: cached[key] for prefix, key in keys.items() if key in cached}
    from_cache = len(rows) == len(prefixes)
    if not from_cache:
        found = Page.objects.filter(url_path__in=prefixes, path__startswith=root.path)
        rows = {
            row[ROUTE_FIELDS.index("url_path")]: row for row in found.values_list(*ROUTE_FIELDS)
        }
        cache.set_many({keys[prefix]: row for prefix, row in rows.items()}, timeout=ROUTE_TIMEOUT)
    pages = []
    for prefix in prefixes:
        if prefix not in rows:
            break
        pages.append(page_from_row(rows[prefix]))
    return pages, from_cache


def routes_itself(model, page, remaining):
    """Whether ``page`` would not hand ``remaining`` to its child as Page.route does.

    A RoutablePageMixin page takes the path when it is live and one of its
    routes matches it (no query: the routes are the class's); any other class
    with its own ``route`` is always given the rest of the path.
    """
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


def route_below(root, request, path_components):
    """Wagtail's ``Page.route`` from ``root`` (the specific home page), in one or two queries."""
    if not path_components:
        return Page.route(root, request, path_components)
    try:
        return _route_below(root, request, path_components, use_cache=True)
    except StaleRoute:
        # A remembered page that has since moved or gone: ask the database once more.
        return _route_below(root, request, path_components, use_cache=False)


class StaleRoute(Http404):
    """The page a cached route names is no longer at that address."""


def _route_below(root, request, path_components, use_cache):
    pages, from_cache = pages_on_the_way(root, request, path_components, use_cache=use_cache)
    # Wagtail hands the rest of the path to the first page that routes on its own.
    for depth, page in enumerate(pages):
        model = type(page)
        remaining = path_components[depth + 1 :]
        if depth == len(path_components) - 1 or routes_itself(model, page, remaining):
            break
    else:
        raise Http404  # a prefix names no page
    if page.url_path != root.url_path + "/".join(path_components[: depth + 1]) + "/":
        raise Http404
    specific = fetch_specific(page, model)
    if specific is None:
        raise StaleRoute if from_cache else Http404
    parent = pages[depth - 1] if depth else root
    specific._cached_parent_obj = parent
    specific._route_ancestors = [root, *pages[:depth]]
    return specific.route(request, list(path_components[depth + 1 :]))


def fetch_specific(page, model):
    """The page as its own class, fresh from the database, with what its template needs."""
    queryset = model.objects.filter(pk=page.pk, url_path=page.url_path)
    serve_queryset = getattr(model, "serve_queryset", None)
    if serve_queryset is not None:
        queryset = serve_queryset(queryset)
    return queryset.first()


_homes = {}


def localized_home(home):
    """The live translation of ``home`` (a HomePage) in the active language, else ``home``.

    Remembered per process, content version and language, like pagecache/sites.py
    remembers the Site: the instance is shared by the requests of that version, which
    read it only (it is a page's published state, and any publication bumps the
    version).
    """
    from home.models import HomePage

    language = translation.get_language()
    key = (content_version(), str(home.translation_key), language)
    if key not in _homes:
        if len(_homes) > 100:  # old versions: start again
            _homes.clear()
        _homes[key] = (
            HomePage.objects.live()
            .filter(translation_key=home.translation_key, locale__language_code=language)
            .select_related("locale")
            .first()
        )
    found = _homes[key]
    if found is None or found.pk == home.pk:
        return home
    return found
