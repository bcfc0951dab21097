"""What search engines and link previews read in <head>: description, canonical,
Open Graph, Twitter card and JSON-LD, with fallbacks for every page type."""

import json
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.images.models import Filter, SourceImageIOError

from core.pages import page_summary

register = template.Library()

SHARE_IMAGE_FILTER = "fill-1200x630|format-jpeg"
# Parsed once (images/templatetags/campus_images.py says why).
SHARE_FILTER = Filter(spec=SHARE_IMAGE_FILTER)
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def describe(page):
    """The page's summary (core/pages.py), else the site's own description."""
    text = page_summary(page) if page is not None else ""
    return Truncator(text).chars(200) if text else _("Le campus parisien du numérique en santé")


def share_image(page, base_url):
    """(absolute URL, width, height, alt) of the image previews show."""
    image = getattr(page, "image", None)
    if image is not None:
        try:
            # get_renditions, not get_rendition: a prefetched rendition is not written back
            # to the renditions cache on every render (images/templatetags/campus_images.py).
            rendition = next(iter(image.get_renditions(SHARE_FILTER).values()))
        except SourceImageIOError:
            rendition = None  # file lost from storage: fall back, never fail the page
        if rendition is not None:
            alt = getattr(page, "image_alt_text", "") or image.default_alt_text
            return absolute(base_url, rendition.url), rendition.width, rendition.height, alt
    return (
        absolute(base_url, static("img/share-default.png")),
        1200,
        630,
        settings.WAGTAIL_SITE_NAME,
    )


def absolute(base_url, path):
    """An absolute URL on the site's public address (Site.root_url), like page URLs."""
    return path if path.startswith(("http://", "https://")) else base_url + path


def organization(base_url):
    return {
        "@type": "Organization",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": base_url + "/",
        "logo": {
            "@type": "ImageObject",
            "url": absolute(base_url, static("img/wordmark.png")),
            "width": 600,
            "height": 60,
        },
    }


def iso(date):
    """ISO 8601 in the site's time zone (Paris), as editors entered it; "" for no date."""
    return localtime(date).isoformat() if date else ""


def json_ld(data):
    # A data block, never executed, so a strict script-src does not apply to it;
    # <, > and & are escaped so that no text can close the element.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def article_data(page, facts, base_url, canonical, description, image_url):
    published = facts["published"]
    modified = facts["modified"] or published
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": description,
        # The language <html lang> declares (the page's, as served under its language prefix).
        "inLanguage": get_language(),
        "mainEntityOfPage": canonical,
        "url": canonical,
        "image": [image_url],
        "author": organization(base_url),
        "publisher": organization(base_url),
    }
    if published:
        data["datePublished"] = iso(published)
    if modified:
        data["dateModified"] = iso(modified)
    if facts["section"]:
        data["articleSection"] = facts["section"]
    return data


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context):
    request = context.get("request")
    page = context.get("page")
    language = get_language() or settings.LANGUAGE_CODE
    meta = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "description": describe(page) if page is not None else describe(None),
        "og_locale": OG_LOCALES.get(language, language),
        "og_locale_alternates": [
            OG_LOCALES.get(link["code"], link["code"])
            for link in context.get("language_links") or []
            if link["translated"] and link["code"] != language
        ],
    }
    if request is None or page is None or not getattr(page, "url_path", None):
        return meta
    canonical = page.get_full_url(request)
    base_url = "{0.scheme}://{0.netloc}".format(urlsplit(canonical))
    image_url, width, height, alt = share_image(page, base_url)
    meta.update(
        canonical=canonical,
        title=page.seo_title or page.title,
        image_url=image_url,
        image_width=width,
        image_height=height,
        image_alt=alt,
        og_type="website",
    )
    # What the page is comes from its type (core/pages.py, CampusPageMixin.schema_type).
    schema_type = getattr(page, "schema_type", "WebPage")
    if schema_type == "NewsArticle":
        facts = page.article_facts()
        meta["og_type"] = "article"
        meta["published"] = iso(facts["published"])
        meta["modified"] = iso(facts["modified"])
        meta["section"] = facts["section"]
        meta["json_ld"] = json_ld(
            article_data(page, facts, base_url, canonical, meta["description"], image_url)
        )
    elif schema_type == "Organization":
        meta["json_ld"] = json_ld({"@context": "https://schema.org", **organization(base_url)})
    return meta
