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
cache, keyed on the content version (pagecache/version.py), which changes on every
publication, move or deletion; the page served is always read from the
database, with what its template needs (``serve_queryset``), and checked
against the path, so a stale entry can only cost the slow path, never a wrong
page. A warm request costs one query for the page (plus its prefetches); a
cold one adds a single query for the pages on the way.

``CampusPageMixin`` also answers Wagtail's view-restriction check from the
cache when no page on the way is restricted (the usual case): the restricted
pages and the aliases of the whole tree are listed once per content version,
which a saved or deleted restriction changes too (pagecache/version.py).
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction

from pagecache.version import content_version

# The Page fields remembered for a page on the way (breadcrumbs and parents use them).
ROUTE_FIELDS = (
    "id",
    "path",
    "depth",
    "numchild",
    "title",
    "seo_title",
    "slug",
    "url_path",
    "live",
    "locale_id",
    "translation_key",
    "content_type_id",
    "show_in_menus",
)
ROUTE_TIMEOUT = 24 * 60 * 60
RESTRICTIONS_KEY = "campus:view-restrictions"


# No page lies deeper than treebeard's path allows (255 characters, 4 per level, the
# root and the home page included): prefixes past that name no page. Without this
# bound, a URL of thousands of segments costs as many cache keys and SQL parameters
# (megabytes of them), and every render of it the same again.
MAX_LEVELS = Page._meta.get_field("path").max_length // Page.steplen - 2


def _route_key(request, url_path):
    # Hashed: a URL path is as long as a visitor makes it, a cache key should not be.
    digest = hashlib.sha256(url_path.encode("utf-8", "surrogateescape")).hexdigest()
    return f"campus:route:{content_version(request)}:{digest}"


def _page_from_row(row):
    """The page as its own class, from remembered values (other fields load on access).

    Its class's methods work without a query as long as they read ROUTE_FIELDS
    (URL, title, feed links of the news index…).
    """
    values = dict(zip(ROUTE_FIELDS, row, strict=True))
    content_type = ContentType.objects.get_for_id(values["content_type_id"])
    model = content_type.model_class() or Page
    for field in model._meta.concrete_fields:
        if field.remote_field is not None and field.remote_field.parent_link:
            values[field.attname] = values["id"]
    # Model.from_db wants the values in the order of the model's fields.
    names = [field.attname for field in model._meta.concrete_fields if field.attname in values]
    return model.from_db("default", names, [values[name] for name in names])


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
        pages.append(_page_from_row(rows[prefix]))
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


def load_page_image(page):
    """Give a page served without ``serve_queryset`` (the home page) its image and renditions.

    Two queries when the page has an image, none otherwise; every rendition its
    templates ask for (figure, share image, HD download) then comes from the prefetch.
    """
    from images.models import CampusImage, CampusRendition

    if page.image_id and "image" not in page._state.fields_cache:
        page.image = (
            CampusImage.objects.filter(pk=page.image_id)
            .prefetch_related(Prefetch("renditions", queryset=CampusRendition.objects.all()))
            .first()
        )
    return page


def page_image_queryset(queryset):
    """select_related the page's image, with its renditions in one more query."""
    from images.models import CampusRendition

    return queryset.select_related("image").prefetch_related(
        Prefetch("image__renditions", queryset=CampusRendition.objects.all())
    )


def _restricted_and_aliases():
    key = f"{RESTRICTIONS_KEY}:{content_version()}"
    found = cache.get(key)
    if found is None:
        restricted = set(
            PageViewRestriction.objects.values_list("page__path", flat=True).distinct()
        )
        aliases = set(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True))
        found = (frozenset(restricted), frozenset(aliases))
        cache.set(key, found, timeout=ROUTE_TIMEOUT)
    return found


def public(queryset):
    """``queryset.public()`` without its query: the restricted pages come from the cache."""
    restricted, _aliases = _restricted_and_aliases()
    if not restricted:
        return queryset
    excluded = Q()
    for path in restricted:
        excluded |= Q(path__startswith=path)
    return queryset.exclude(excluded)


class CampusPageMixin:
    """What every page type of the site shares: cheap view-restriction checks."""

    @classmethod
    def serve_queryset(cls, queryset):
        """The queryset the page is served from (add select_related/prefetch_related)."""
        return queryset.select_related("locale")

    def get_view_restrictions(self):
        path = self.path
        steplen = Page.steplen
        paths = {path[:end] for end in range(steplen, len(path) + 1, steplen)}
        restricted, aliases = _restricted_and_aliases()
        if self.alias_of_id or paths & restricted or paths & aliases:
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()


_live_pages = {}


def live_pages(request=None):
    """Every live page of the tree, remembered per content version (one query to build).

    {"rows": {pk: row of ROUTE_FIELDS}, "keys": {(translation_key, language_code): pk}}:
    what links to pages (call-to-action blocks, the home page's mission link) need to
    show a page in the visitor's language without a query per link.
    """
    version = content_version(request)
    # Also kept in process memory for the version, as localized_home does: unpickling
    # every live page's row on each request would cost more than the page it links from.
    # Read only, shared by the requests of that version.
    found = _live_pages.get(version)
    if found is not None:
        return found
    key = f"campus:live-pages:{version}"
    found = cache.get(key)
    if found is None:
        rows, keys = {}, {}
        fields = (*ROUTE_FIELDS, "locale__language_code")
        for *row, language_code in Page.objects.live().filter(depth__gt=1).values_list(*fields):
            values = dict(zip(ROUTE_FIELDS, row, strict=True))
            rows[values["id"]] = tuple(row)
            keys[(str(values["translation_key"]), language_code)] = values["id"]
        found = {"rows": rows, "keys": keys}
        cache.set(key, found, timeout=ROUTE_TIMEOUT)
    if len(_live_pages) > 10:  # old versions: start again
        _live_pages.clear()
    _live_pages[version] = found
    return found


def localized_page(page_id, request=None, language_code=None):
    """``Page.localized`` for a page id, from ``live_pages`` (no query when warm).

    The live translation of the page in the active language, else the page itself if it
    is live, else None (drafts are never linked). The result is a partial instance of the
    page's own class: URL and title need no query.
    """
    if not page_id:
        return None
    pages = live_pages(request)
    row = pages["rows"].get(page_id)
    if row is None:
        return None
    language_code = language_code or translation.get_language()
    translation_key = str(dict(zip(ROUTE_FIELDS, row, strict=True))["translation_key"])
    translated = pages["keys"].get((translation_key, language_code))
    return _page_from_row(pages["rows"][translated] if translated else row)


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
