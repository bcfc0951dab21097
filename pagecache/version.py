"""The content version: what every cached page, fragment and lookup is keyed on.

Publishing anything makes it change, so the next request renders afresh
everywhere at once: a page's title shows in menus, listings, feeds, related
items and the sitemap, and a snippet (footer, partners) on many pages.
Tracking each of those dependencies would be fragile; on a site of a few
hundred pages, re-rendering each on its next request costs seconds of CPU.

It has two parts, read together in one cache round trip (signals.py bumps them):

- the *committed* counter, bumped once a change is committed: it drops
  whatever another request cached from the old data in between;
- the *generation*, bumped at once, inside the transaction: the process that
  publishes sees its change before the commit (and so do tests, which never
  commit).

They live in the default cache: Redis when ``REDIS_URL`` is set (every app
server sees a bump at once), files shared by the workers of one server otherwise.
"""

import contextlib
import logging
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)

KEY = "pagecache:version"
GENERATION_KEY = "pagecache:generation"
KEYS = (KEY, GENERATION_KEY)
# Remembered on the request: read once per request, whatever renders.
REQUEST_ATTRIBUTE = "_content_version"


def from_values(values):
    """The version from the two counters as read (``cache.get_many``), or None if one is unset."""
    committed, generation = values.get(KEY), values.get(GENERATION_KEY)
    if committed is None or generation is None:
        return None
    return f"{committed}.{generation}"


def content_version(request=None):
    if request is not None:
        version = getattr(request, REQUEST_ATTRIBUTE, None)
        if version is not None:
            return version
    version = from_values(cache.get_many(KEYS))
    if version is None:
        # First request after a cache flush: fresh, never-used values.
        for key in KEYS:
            cache.add(key, time.time_ns(), timeout=None)
        # A cache that keeps nothing (DummyCache): a value no entry will ever match.
        version = from_values(cache.get_many(KEYS)) or f"uncached.{time.time_ns()}"
    if request is not None:
        setattr(request, REQUEST_ATTRIBUTE, version)
    return version


def _incr(key):
    with contextlib.suppress(ValueError):  # not set yet: the next read starts it
        cache.incr(key)


def bump():
    """Make every cached page and fragment stale (called once the change is committed)."""
    _incr(KEY)
    logger.info("Page cache purged")


def bump_generation():
    """The same, at once, for the process making the change (inside its transaction)."""
    _incr(GENERATION_KEY)
