"""Purge the caches whenever what visitors see changes.

Wagtail's frontend_cache app already purges a page's own URL when it is
published or unpublished. These handlers add what else shows the change: the
page in every language, its ancestors' listings (up to the home page), and the
URLs the apps declare site-wide (feeds, sitemap: core/invalidation.py); and
every public URL when a page moves or is deleted, when a live page is saved
directly, or when an image, document, view restriction, site or a model an app
declares shown on pages (snippets) changes. Every purge goes through Wagtail's
``PurgeBatch``, so a CDN configured in ``WAGTAILFRONTENDCACHE`` gets the same
URLs as the site's own cache.
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    pre_page_move,
    published,
    unpublished,
)

from core import version
from core.invalidation import add_site_wide_urls, models_shown_on_pages

# Besides what the apps declare (core/invalidation.py): images and documents, who may
# see pages (a page that becomes private must leave the cache), and sites.
ALWAYS_SHOWN = (PageViewRestriction, Site)


def purge_page_and_listings(page):
    batch = PurgeBatch()
    for translation in page.get_translations(inclusive=True).live().specific(defer=True):
        batch.add_page(translation)
        batch.add_pages(translation.get_ancestors().live().filter(depth__gt=1).specific(defer=True))
    add_site_wide_urls(batch)
    batch.purge()


def purge_everything():
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().filter(depth__gt=1).specific(defer=True))
    add_site_wide_urls(batch)
    batch.purge()


def on_commit_once(function):
    """Run ``function`` after the commit, once per transaction however many changes ask."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(f is function for _, f, _ in connection.run_on_commit):
        return
    transaction.on_commit(function)


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    version.bump()
    transaction.on_commit(partial(purge_page_and_listings, instance))


@receiver(pre_page_move)
def page_moving(sender, instance, **kwargs):
    # Its old address (and its descendants') must leave a CDN too.
    if instance.live:
        batch = PurgeBatch()
        batch.add_pages(instance.get_descendants(inclusive=True).live().specific(defer=True))
        transaction.on_commit(batch.purge)


@receiver(post_page_move)
def page_moved(sender, **kwargs):
    version.bump()
    on_commit_once(purge_everything)


@receiver(pre_delete)
def page_deleted(sender, instance, **kwargs):
    # The URLs are taken before the page goes; live ones only (a draft was never cached).
    if isinstance(instance, Page) and instance.live:
        batch = PurgeBatch()
        batch.add_page(instance)
        version.bump()
        transaction.on_commit(batch.purge)
        on_commit_once(purge_everything)


# What Wagtail saves on a page when a draft is saved or a page locked: nothing visitors see.
REVISION_BOOKKEEPING = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
}


@receiver(published)
@receiver(unpublished)
@receiver(post_save)
@receiver(post_delete)
def shown_object_changed(sender, instance=None, update_fields=None, **kwargs):
    if isinstance(instance, Page):
        # Publishing has its own signals (above). A live page saved directly, as a
        # script would, still changes what visitors see: the site's own caches go;
        # a CDN keeps it until its s-maxage (the URLs are the publisher's business).
        bookkeeping = update_fields and set(update_fields) <= REVISION_BOOKKEEPING
        if kwargs.get("signal") is post_save and instance.live and not bookkeeping:
            version.bump()
            on_commit_once(version.bump_committed)
    elif isinstance(
        instance,
        ALWAYS_SHOWN + models_shown_on_pages() + (get_image_model(), get_document_model()),
    ):
        version.bump()
        on_commit_once(purge_everything)
