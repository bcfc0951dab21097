"""Header and footer pieces: main menu, language links (switcher and hreflang), footer.

What they show changes only when something is published, unpublished, moved or
deleted, so each is computed once per content version (core/version.py),
language and host, and kept in the default cache: a page rendered with these
caches warm costs no query for its header and footer. The cached values are
plain data (URLs and texts), never per-visitor content; what depends on the
page being shown (the menu's aria-current) is added at render time.
"""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from core.cache import cache_key, cached
from core.hreflang import hreflang_alternates
from core.visibility import public
from navigation.models import Footer

register = template.Library()


def _home_pages(request):
    """{language_code: live home page} for the request's site (one query)."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    root = site.root_page
    homes = root.get_translations(inclusive=True).live().select_related("locale")
    return {home.locale.language_code: home for home in homes}


def home_links(request):
    """{language_code: {"url", "full_url", "title"}} of the site's live home pages."""

    def compute():
        return {
            code: {
                "url": home.get_url(request),
                "full_url": home.get_full_url(request),
                "title": home.title,
                "path": home.path,
            }
            for code, home in _home_pages(request).items()
        }

    # Asked for three times per page (language links, header, menu): read once.
    homes = getattr(request, "_campus_home_links", None)
    if homes is None:
        homes = cached(cache_key(request, "homes"), compute)
        request._campus_home_links = homes
    return homes


def _translation_links(page, request):
    """{language_code: {"url", "full_url"}} of the page's live, public translations."""
    found = public(page.get_translations(inclusive=True).live()).select_related("locale")
    return {
        translated.locale.language_code: {
            "url": translated.get_url(request),
            "full_url": translated.get_full_url(request),
        }
        for translated in found
    }


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language, for the switcher and the hreflang alternates.

    Each entry: code, name, url, full_url, current (the visitor's language),
    translated (False when the current page has no live translation in that
    language and the link falls back to that language's home page).
    """
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    homes = home_links(request)
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = cached(
            cache_key(request, "translations", page.pk),
            lambda: _translation_links(page, request),
        )
    active = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        translated = target is not None or not translations
        target = target or homes.get(code)
        if target is None:
            continue
        links.append(
            {
                "code": code,
                "name": name,
                "url": target["url"],
                "full_url": target["full_url"],
                "current": code == active,
                "translated": translated,
            }
        )
    return links


@register.simple_tag
def hreflang_links(links):
    """[(hreflang, absolute URL)] for <head>, from language_links: translations only."""
    return hreflang_alternates(
        {link["code"]: link["full_url"] for link in links if link["translated"]}
    )


@register.simple_tag(takes_context=True)
def home_page(context):
    """{"url", "full_url", "title", "path"} of the active language's home page, or None."""
    request = context.get("request")
    homes = home_links(request) if request else {}
    return homes.get(translation.get_language()) or next(iter(homes.values()), None)


def _menu_items(request, home_path):
    children = Page.objects.filter(
        path__startswith=home_path, depth=len(home_path) // Page.steplen + 1
    ).order_by("path")
    return [
        {"url": item.get_url(request), "title": item.title, "path": item.path}
        for item in public(children.live()).in_menu()
    ]


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    home = home_page(context)
    items = []
    if home is not None:
        items = cached(
            cache_key(request, "main_menu", home["path"]),
            lambda: _menu_items(request, home["path"]),
        )
    page = context.get("page")
    current_path = getattr(page, "path", "") or ""

    def aria_current(item):
        # "page" on the page itself, "true" on the section that contains it.
        if item["path"] == current_path:
            return "page"
        return "true" if current_path.startswith(item["path"]) else ""

    return {"items": [{**item, "aria_current": aria_current(item)} for item in items]}


@register.simple_tag(takes_context=True)
def breadcrumb_pages(context, page):
    """The page's ancestors, root first: one query, then cached per content version."""
    request = context.get("request")
    if getattr(request, "is_preview", False) or not page.pk:
        return page.get_ancestors()
    return cached(cache_key(request, "ancestors", page.path), lambda: list(page.get_ancestors()))


class LazyFooter:
    """The footer of the active language, read only when the cached fragment is missing."""

    def __init__(self):
        self._loaded = False
        self._footer = None

    def get(self):
        if not self._loaded:
            self._footer = Footer.objects.filter(
                locale__language_code=translation.get_language(), live=True
            ).first()
            self._loaded = True
        return self._footer


@register.inclusion_tag("navigation/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    return {
        "request": request,
        "footer_source": LazyFooter(),
        "LANGUAGE_CODE": translation.get_language(),
        "language_links": context.get("language_links") or language_links(context),
    }


@register.simple_tag
def footer_of(source):
    """The Footer behind a LazyFooter (one query, inside the cached fragment only)."""
    return source.get()
