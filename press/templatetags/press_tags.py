"""Journalists' tools on articles: share links as plain links, without any third-party script.

Each link opens the network's own sharing form with the article's address:
no button script, no tracking pixel, no request to the network until the
visitor follows the link.
"""

from urllib.parse import quote

from django import template
from django.utils.translation import gettext as _

register = template.Library()


def _encode(value):
    """Percent-encode everything, "/" and ":" included, like ``|urlencode:""``."""
    return quote(str(value), safe="")


def share_links_for(title, url):
    """[{name, label, href}] for one page's title and absolute URL."""
    title, url = _encode(title), _encode(url)
    links = [
        (_("Courriel"), _("Partager par courriel"), f"mailto:?subject={title}&body={url}"),
        ("LinkedIn", None, f"https://www.linkedin.com/sharing/share-offsite/?url={url}"),
        ("Bluesky", None, f"https://bsky.app/intent/compose?text={title}%20{url}"),
        ("X", None, f"https://twitter.com/intent/tweet?url={url}&text={title}"),
        ("Facebook", None, f"https://www.facebook.com/sharer/sharer.php?u={url}"),
    ]
    return [
        {
            "name": name,
            # The accessible name starts with the visible one's purpose and contains it.
            "label": label or _("Partager sur %(network)s") % {"network": name},
            "href": href,
        }
        for name, label, href in links
    ]


@register.inclusion_tag("press/share_links.html", takes_context=True)
def share_links(context):
    """The share links of the page in context (nothing without a page and a request)."""
    page, request = context.get("page"), context.get("request")
    if page is None or request is None:
        return {"links": []}
    return {"links": share_links_for(page.title, page.get_full_url(request))}
