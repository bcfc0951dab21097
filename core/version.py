"""The content version: what every cached page, fragment and lookup is keyed on.

Publishing anything changes it, so the next request renders afresh everywhere
at once: a page's title shows in menus, listings, feeds, related items and the
sitemap, and a snippet (footer, partners) on many pages. Tracking each of
those dependencies would be fragile; on a site of a few hundred pages,
re-rendering each on its next request costs seconds of CPU.

A change sets a new version twice (signals.py): at once, inside the
transaction, so that the process that publishes sees its change before the
commit (and tests, which never commit, see theirs); and once the change is
committed, which drops whatever another request cached from the old data in
between. Each version is a fresh random token, so two servers bumping at once
can never land back on a value already used.

It lives in the default cache: Redis when ``REDIS_URL`` is set (every app
server sees a change at once), files shared by the workers of one server otherwise.
"""

import logging
import secrets
from contextvars import ContextVar

from django.core.cache import cache

logger = logging.getLogger(__name__)

KEY = "pagecache:version"
# Read once per request, whatever renders: remembered on the request, and for code
# that has no request at hand (routing helpers) in the request's context, which
# the page cache middleware opens and closes (``in_request``).
REQUEST_ATTRIBUTE = "_content_version"
_OUTSIDE = object()
_current = ContextVar("content_version", default=_OUTSIDE)


def in_request():
    """Open a request's context (returns the token to give ``end_request``)."""
    return _current.set(None)


def end_request(token):
    _current.reset(token)


def remember(request, version):
    setattr(request, REQUEST_ATTRIBUTE, version)
    if _current.get() is not _OUTSIDE:
        _current.set(version)


def content_version(request=None):
    if request is not None:
        version = getattr(request, REQUEST_ATTRIBUTE, None)
        if version is not None:
            return version
    current = _current.get()
    if current is not _OUTSIDE and current is not None:
        return current
    version = cache.get(KEY)
    if not isinstance(version, str):
        # First request after a cache flush, or a value left by an older release.
        if version is None:
            cache.add(KEY, secrets.token_hex(8), timeout=None)
        else:
            bump()
        version = cache.get(KEY)
        if not isinstance(version, str):  # a cache that keeps nothing (DummyCache)
            version = f"uncached-{secrets.token_hex(8)}"
    if request is not None:
        setattr(request, REQUEST_ATTRIBUTE, version)
    if current is not _OUTSIDE:
        _current.set(version)
    return version


def bump():
    """Make every cached page and fragment stale."""
    cache.set(KEY, secrets.token_hex(8), timeout=None)
    if _current.get() is not _OUTSIDE:
        _current.set(None)  # this request reads the new version from now on


def bump_committed():
    """The same, once a change is committed (see above)."""
    bump()
    logger.info("Page cache purged")
