"""The hreflang alternates of a page, one rule for the <head> and the sitemap.

Every live, public version of the page (itself included, in LANGUAGES order), then
``x-default``: the French version (the site's source language), or, when the French
was withdrawn, the first version that remains, so that a crawler never meets a page
without a default. A page that exists in one language only still lists itself and
its x-default: the head and the sitemap say the same thing.
"""

from django.conf import settings


def hreflang_alternates(versions):
    """[(hreflang, url), …] for versions, a {language code: absolute URL} mapping."""
    ordered = [(code, versions[code]) for code, _name in settings.LANGUAGES if code in versions]
    if not ordered:
        return []
    default = versions.get(settings.LANGUAGE_CODE) or ordered[0][1]
    return [*ordered, ("x-default", default)]
