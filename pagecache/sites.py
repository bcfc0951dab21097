"""The Wagtail site of a request, looked up once per process and content version.

Wagtail finds it with a query built afresh on every uncached request (a
``CASE`` over hostnames and ports: about a tenth of an uncached render). Sites
change rarely, and saving one bumps the content version (signals.py), so a
per-process memo keyed on that version is never stale.
"""

from django.http.request import split_domain_port
from wagtail.models import Site

_memo = {}


def remember_site(request, version):
    """Set ``request._wagtail_site``, where ``Site.find_for_request`` looks first."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = (version, hostname, request.get_port())
    if key not in _memo:
        if len(_memo) > 100:  # old versions and unknown hosts: start again
            _memo.clear()
        _memo[key] = Site._find_for_request(request)
    request._wagtail_site = _memo[key]
