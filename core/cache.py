"""Fragments and lookups cached on the content version (version.py).

Menus, footers, routes and filter choices are computed from published content
only: they are stored until the next publication changes the version.
"""

from django.core.cache import cache

from core.version import content_version

TIMEOUT = 24 * 60 * 60  # the version makes entries stale long before


def cache_key(request, name, *parts):
    """A key for something computed from the content: its name, the version, the host, parts."""
    host = request.get_host() if request is not None else ""
    return ":".join(
        ["campus:fragment", name, content_version(request), host] + [str(part) for part in parts]
    )


def cached(key, compute):
    """The value under ``key``, computed and stored on a miss (None is never stored)."""
    value = cache.get(key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(key, value, TIMEOUT)
    return value
