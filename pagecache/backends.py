"""Wagtail frontend-cache backend for the site's own page cache (middleware.py).

Wagtail's purge machinery (``wagtail.contrib.frontend_cache``) calls every
configured backend with the URLs to purge: a CDN drops those URLs, this
backend drops every cached page at once (see version.py for why).
"""

from django.db import transaction
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from core import version


class PageCacheBackend(BaseBackend):
    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        # Wagtail runs the purge inside the publish transaction: bumping now
        # would let a request re-cache the old content before the commit.
        transaction.on_commit(version.bump_committed)
