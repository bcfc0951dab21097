"""Links to pages in the visitor's language: one rule, "this page in that language".

Every link to a page (call-to-action blocks, rich text, the footer, the home page's
mission link) goes through ``localized_page``: the live translation of the page in the
language asked for, else the page itself if it is live, else nothing (drafts are
never linked), like Wagtail's ``Page.localized`` but from a map of every live page
remembered per content version (core/version.py), so a link costs no query once warm.
"""

import threading

from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from wagtail.models import Page

from core.cache import cache_key, cached
from core.version import content_version

# The Page fields remembered for a linked page: its URL and title need no other.
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


def page_from_row(row):
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


def _build_live_pages():
    rows, keys = {}, {}
    fields = (*ROUTE_FIELDS, "locale__language_code")
    for *row, language_code in Page.objects.live().filter(depth__gt=1).values_list(*fields):
        values = dict(zip(ROUTE_FIELDS, row, strict=True))
        rows[values["id"]] = tuple(row)
        keys[(str(values["translation_key"]), language_code)] = values["id"]
    return {"rows": rows, "keys": keys}


# Also kept in process memory for the version: unpickling every live page's row on each
# request would cost more than the page it links from. Read only, shared by the threads
# of a worker; the lock only keeps two threads from building the same version at once.
_memo = {}
_memo_lock = threading.Lock()
MEMO_VERSIONS = 4


def live_pages(request=None):
    """Every live page of the tree, per content version (one query to build).

    {"rows": {pk: row of ROUTE_FIELDS}, "keys": {(translation_key, language_code): pk}}.
    """
    version = content_version(request)
    found = _memo.get(version)
    if found is None:
        with _memo_lock:
            found = _memo.get(version)
            if found is None:
                found = cached(cache_key(request, "live-pages"), _build_live_pages)
                while len(_memo) >= MEMO_VERSIONS:  # the oldest versions go first
                    _memo.pop(next(iter(_memo)))
                _memo[version] = found
    return found


def localized_page(page_id, request=None, language_code=None):
    """``Page.localized`` for a page id, from ``live_pages`` (no query when warm).

    The live translation of the page in ``language_code`` (the active language by
    default), else the page itself if it is live, else None. The result is a partial
    instance of the page's own class: URL and title need no query.
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
    return page_from_row(pages["rows"][translated] if translated else row)
