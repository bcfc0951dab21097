"""Translating never changes what is live.

With ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False`` wagtail-localize
saves every translation it creates or updates as a draft
(``TranslationSource.create_or_update_translation(publish=False)``), and it
does so by writing the translated content straight into the object's row:

* a snippet (category, press contact, partner, footer) also gets
  ``live = False``: translating a French article re-syncs its category and the
  live English one vanishes from the site, with its feeds;
* a page keeps ``live`` but its row, which is what visitors see, now holds the
  new draft (French text wherever the English is not written yet).

Each create/update ends with a ``TranslationLog`` row; on its ``post_save`` we
put back what was live (the object's ``live_revision``) and keep the synced
content as the latest revision, a draft that goes through moderation like any
other. An object that was never live (no ``live_revision``) is left alone, so a
new translation stays a draft.

``repair_translations`` uses the same functions for sites hit before this fix.
"""

from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models


def live_was_replaced(obj):
    """Whether ``obj`` has a live revision that its row no longer shows.

    Wagtail's own unpublish (and scheduled expiry) clears ``live_revision``, so
    a snippet that is not live while it still has one was switched off by a
    direct write, which is what the translation sync does.
    """
    if not isinstance(obj, DraftStateMixin) or obj.live_revision_id is None:
        return False
    if isinstance(obj, Page):
        return obj.live and obj.latest_revision_id != obj.live_revision_id
    return not obj.live and not obj.expired


def restore_live(obj):
    """Put the live revision of ``obj`` back in its row; the latest stays a draft.

    Mirrors what Wagtail's publish does with a revision (``as_object()`` then
    ``save()``), without a new publication date, log entry or signal: nothing
    is published, the live content is only given back.
    """
    live_revision = obj.live_revision
    restored = live_revision.as_object()
    restored.live = True
    restored.expired = False
    # Not part of what as_object() keeps: they describe the object, not a revision.
    restored.live_revision = live_revision
    restored.last_published_at = obj.last_published_at
    restored.has_unpublished_changes = obj.latest_revision_id != live_revision.pk
    if isinstance(restored, Page):
        # It was valid when published; revalidating must not block the sync.
        restored.save(clean=False)
    else:
        restored.save()
    return restored


def keep_live_after_translation(sender, instance, created, **kwargs):
    """``post_save`` of wagtail-localize's ``TranslationLog``: undo the unpublishing."""
    revision = instance.revision
    if not created or revision is None:
        return
    # Read back from the database: the revision holds the in-memory object as saved.
    target = revision.content_type.get_object_for_this_type(pk=revision.object_id)
    if live_was_replaced(target):
        restore_live(target)


def translated_snippet_models():
    """Snippet models that have a live state and translations."""
    return [
        model
        for model in get_snippet_models()
        if issubclass(model, DraftStateMixin) and issubclass(model, TranslatableMixin)
    ]


def hit_snippets():
    """Translated snippets whose live revision was replaced by a draft, for the repair."""
    from wagtail_localize.models import Translation

    for model in translated_snippet_models():
        candidates = model.objects.filter(
            live=False, expired=False, live_revision__isnull=False
        ).select_related("locale")
        for obj in candidates.order_by("pk"):
            # Only translations wagtail-localize manages: its sync is the cause.
            if Translation.objects.filter(
                source__object_id=obj.translation_key, target_locale=obj.locale
            ).exists():
                yield obj
