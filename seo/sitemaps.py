"""sitemap.xml: every live, public page of the site in both languages, with hreflang alternates.

Wagtail's Sitemap lists the descendants of the site's root page, which is the French
home page here: the English tree, rooted at its translation, would be left out. This
one lists the trees of the root page and of all its translations, and gives each URL
the ``<xhtml:link rel="alternate" hreflang>`` of every live, public version of the
page, by the same rule as <head> (core/hreflang.py).
"""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.hreflang import hreflang_alternates
from core.pages import listed_in_sitemaps


def public_pages(site):
    """Live, public pages of every language tree of site, in tree order (one query)."""
    roots = list(site.root_page.get_translations(inclusive=True).live())
    if not roots:
        return Page.objects.none()
    tree = Page.objects.descendant_of(roots[0], inclusive=True)
    for root in roots[1:]:
        tree = tree | Page.objects.descendant_of(root, inclusive=True)
    return tree.live().public().order_by("path")


class CampusSitemap(Sitemap):
    def items(self):
        return public_pages(self.get_wagtail_site()).defer_streamfields().specific()

    def alternates_by_key(self):
        """{translation key: [(language, absolute URL), …]} for every listed page."""
        if not hasattr(self, "_alternates"):
            alternates = {}
            pages = public_pages(self.get_wagtail_site()).select_related("locale")
            for page in pages:
                if not listed_in_sitemaps(page):
                    continue
                url = page.get_full_url(self.request)
                if url:
                    alternates.setdefault(page.translation_key, []).append(
                        (page.locale.language_code, url)
                    )
            self._alternates = alternates
        return self._alternates

    def alternates(self, page):
        versions = dict(self.alternates_by_key().get(page.translation_key, []))
        return [{"lang_code": code, "location": url} for code, url in hreflang_alternates(versions)]

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        for item in self.paginator.page(page).object_list:
            if not listed_in_sitemaps(item):
                continue
            location = item.get_full_url(self.request)
            for url_info in item.get_sitemap_urls(self.request):
                if url_info.get("location") == location:
                    url_info = {**url_info, "alternates": self.alternates(item)}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
