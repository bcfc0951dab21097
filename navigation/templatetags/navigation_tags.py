"""Header and footer pieces: main menu, language links (switcher and hreflang), footer."""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from navigation.models import Footer

register = template.Library()


def _home_pages(request):
    """{language_code: live home page} for the request's site."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    root = site.root_page
    homes = root.get_translations(inclusive=True).live().select_related("locale")
    return {home.locale.language_code: home for home in homes}


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language, for the switcher and the hreflang alternates.

    Each entry: code, name, url, current (the visitor's language), translated
    (False when the current page has no live translation in that language and
    the link falls back to that language's home page).
    """
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    homes = _home_pages(request)
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translated in (
            page.get_translations(inclusive=True).live().public().select_related("locale")
        ):
            translations[translated.locale.language_code] = translated
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
                "url": target.get_url(request),
                "full_url": target.get_full_url(request),
                "current": code == active,
                "translated": translated,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def home_page(context):
    request = context.get("request")
    homes = _home_pages(request) if request else {}
    return homes.get(translation.get_language()) or next(iter(homes.values()), None)


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    home = home_page(context)
    page = context.get("page")
    items = home.get_children().live().public().in_menu() if home else []
    current_path = getattr(page, "path", "")

    def aria_current(item):
        # "page" on the page itself, "true" on the section that contains it.
        if item.path == current_path:
            return "page"
        return "true" if current_path.startswith(item.path) else ""

    return {
        "request": context.get("request"),
        "items": [{"page": item, "aria_current": aria_current(item)} for item in items],
    }


@register.inclusion_tag("navigation/footer.html", takes_context=True)
def site_footer(context):
    return {
        "request": context.get("request"),
        "footer": Footer.objects.filter(locale=Locale.get_active(), live=True).first(),
        "language_links": context.get("language_links") or language_links(context),
    }
