"""The Wagtail site of a request, looked up once per process and content version.

Wagtail finds it with a query built afresh on every uncached request (a
``CASE`` over hostnames and ports: about a tenth of an uncached render). Sites
change rarely, and saving one bumps the content version (signals.py), so a
per-process memo keyed on that version is never stale. The memo learns from
Wagtail's own lookup: it never queries by itself (an error page must not).
"""

from django.http.request import split_domain_port

_memo = {}


def recall_site(request, version):
    """Set ``request._wagtail_site`` (where Wagtail looks first) if known; else return the key."""
    key = (version, split_domain_port(request._get_raw_host())[0], request.get_port())
    if key in _memo:
        request._wagtail_site = _memo[key]
        return None
    return key


def learn_site(request, key):
    """Remember the site Wagtail found for this request, if it looked it up."""
    if key is not None and hasattr(request, "_wagtail_site"):
        if len(_memo) > 100:  # old versions and unknown hosts: start again
            _memo.clear()
        site = request._wagtail_site
        if site is not None:
            # The home page as its own class, so that Wagtail's serve view gets
            # HomePage.localized (a memo too, home/routing.py) without a query.
            site.root_page = site.root_page.specific
        _memo[key] = site
