"""The site maps: /sitemap.xml, an index of one section per language (/sitemap-fr.xml,
/sitemap-en.xml), each of at most SECTION_SIZE URLs a page (``?p=2``…).

Each section lists the live, public pages of its language tree with their absolute URL,
``lastmod`` (the last publication, as Wagtail's Sitemap gives it) and the
``<xhtml:link rel="alternate" hreflang>`` of every live, public version of the page, by the
same rule as <head> (core/hreflang.py). Page types that opt out (``exclude_from_sitemap``)
are left out.

Why not Wagtail's Sitemap as it is: it lists the descendants of the site's root page only
(the French home page here, so the English tree would be missing), and it builds each
entry from a specific page instance (``.specific()``, then ``get_full_url`` per page). With
10,000 items a language that took seconds; here one query reads the few columns an entry
needs, for every language at once, and a URL is the language's prefix (reversed once, as
Wagtail's ``get_url_parts`` reverses it for each page) plus the page's path below its
language's root (docs/architecture.md#site-maps has the figures).
"""

import functools
from collections import namedtuple
from html import escape
from urllib.parse import quote

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from core.cache import cache_key, cached
from core.hreflang import hreflang_alternates

# URLs per page of a section: a search engine takes 50,000, smaller pages build faster.
SECTION_SIZE = 10_000
# What Django's reverse() leaves unquoted in a path (django.urls.resolvers).
PATH_SAFE = "/~:@!$&'()*+,;="

# One <url> of a section: its address, last publication and [(hreflang, URL)] alternates,
# addresses and codes escaped for XML.
Entry = namedtuple("Entry", "url lastmod alternates")


def excluded_content_types():
    """The content types of the page types that opt out of site maps."""
    from django.apps import apps

    models = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and getattr(model, "exclude_from_sitemap", False)
    ]
    return list(ContentType.objects.get_for_models(*models, for_concrete_models=False).values())


def language_trees(site):
    """{language code: (its root page, the URL prefix of its pages)}, for site's languages."""
    trees = {}
    for root in site.root_page.get_translations(inclusive=True).live().select_related("locale"):
        language = root.locale.language_code
        with translation.override(language):
            prefix = reverse("wagtail_serve", args=("",))  # "/fr/", as Wagtail reverses it
        trees[language] = (root, site.root_url + prefix)
    return trees


def listed_pages(root):
    """The live, public pages of root's tree that site maps list, in tree order."""
    return (
        Page.objects.descendant_of(root, inclusive=True)
        .filter(locale_id=root.locale_id)
        .live()
        .public()
        .exclude(content_type__in=excluded_content_types())
        .order_by("path")
    )


def language_entries(site, language):
    """[Entry] of every listed page of one language tree of site.

    Queries: the language roots, then per tree the view restrictions (``public()``) and
    the pages: this language's with their dates, the others' only for their addresses.
    """
    trees = language_trees(site)
    if language not in trees:
        return []
    urls = {}  # {translation key: {language: URL}}
    dates = []
    for code, (root, prefix) in trees.items():
        # The key as text: turning 20,000 of them into UUIDs cost a third of the time.
        columns = [Cast("translation_key", CharField()), "url_path"]
        if code == language:
            columns.append(Coalesce("last_published_at", "latest_revision_created_at"))
        start = len(root.url_path)
        prefix = escape(prefix)
        for key, url_path, *lastmod in listed_pages(root).values_list(*columns):
            path = escape(quote(url_path[start:], safe=PATH_SAFE))
            urls.setdefault(key, {})[escape(code)] = prefix + path
            if code == language:
                dates.append((key, lastmod[0]))
    language = escape(language)
    return [
        Entry(urls[key][language], lastmod, tuple(hreflang_alternates(urls[key])))
        for key, lastmod in dates
    ]


class LanguageSitemap(Sitemap):
    """One section: the pages of one language (``language``, set by ``sections``)."""

    language = None
    limit = SECTION_SIZE

    def items(self):
        """This language's entries, once per content version, and read once per request."""
        if not hasattr(self, "entries"):
            site = self.get_wagtail_site()
            key = cache_key(self.request, "sitemap-entries", site.pk, self.language)
            self.entries = cached(key, lambda: language_entries(site, self.language))
        return self.entries

    def get_latest_lastmod(self):
        return latest_lastmod(self.items())

    def get_urls(self, page=1, site=None, protocol=None):
        """Django's url dicts, each with its <url> element already written (``xml``): the
        section's template writes one variable per URL instead of a dozen tags."""
        entries = self.paginator.page(page).object_list
        # Read by Django's sitemap view for the Last-Modified header.
        self.latest_lastmod = latest_lastmod(entries)
        return [
            {"location": entry.url, "lastmod": entry.lastmod, "xml": url_element(entry)}
            for entry in entries
        ]


def latest_lastmod(entries):
    """The newest lastmod of entries; None when one has none (as Django's Sitemap does)."""
    dates = [entry.lastmod for entry in entries]
    return max(dates) if dates and None not in dates else None


def url_element(entry):
    """<url> as Django's sitemap.xml template writes it (lastmod: the local date)."""
    parts = [f"<url><loc>{entry.url}</loc>"]
    if entry.lastmod:
        parts.append(f"<lastmod>{localtime(entry.lastmod).date().isoformat()}</lastmod>")
    parts += [
        f'<xhtml:link rel="alternate" hreflang="{code}" href="{url}"/>'
        for code, url in entry.alternates
    ]
    parts.append("</url>\n")
    return mark_safe("".join(parts))  # noqa: S308  (Entry holds escaped values)


@functools.cache
def section_class(language):
    return type(f"LanguageSitemap_{language}", (LanguageSitemap,), {"language": language})


def sections():
    """{section name: Sitemap class}: one per language of the site (its locales)."""
    codes = Locale.objects.order_by("pk").values_list("language_code", flat=True)
    return {code: section_class(code) for code in codes}
