"""The content version: one counter that every cached page and fragment is keyed on.

Publishing anything bumps it, so the next request renders afresh everywhere at
once: a page's title shows in menus, listings, feeds, related items and the
sitemap, and a snippet (footer, partners) on many pages. Tracking each of
those dependencies would be fragile; on a site of a few hundred pages,
re-rendering each on its next request costs a few seconds of CPU in all.

The counter lives in the default cache: Redis when ``REDIS_URL`` is set (every
app server sees a bump at once), a file cache shared by the workers of one
server otherwise.
"""

import logging
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)

KEY = "pagecache:version"
# Remembered on the request: one cache read per request, whatever renders.
REQUEST_ATTRIBUTE = "_content_version"


def content_version(request=None):
    if request is not None:
        version = getattr(request, REQUEST_ATTRIBUTE, None)
        if version is not None:
            return version
    version = cache.get(KEY)
    if version is None:
        # First request after a cache flush: a fresh, never-used value.
        version = time.time_ns()
        cache.add(KEY, version, timeout=None)
        version = cache.get(KEY, version)
    if request is not None:
        setattr(request, REQUEST_ATTRIBUTE, version)
    return version


def bump():
    """Make every cached page and fragment stale (called once the change is committed)."""
    try:
        cache.incr(KEY)
    except ValueError:  # no version yet: the next read starts one
        content_version()
        cache.incr(KEY)
    logger.info("Page cache purged (content version %s)", cache.get(KEY))
