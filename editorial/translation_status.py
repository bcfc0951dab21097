"""Which French pages and snippets have no English version, or an English one out of date.

French is the source language: every English page or snippet is a wagtail-localize
translation of its French original (same ``translation_key``). For each live
French page (the site root excepted) and each French object of a translatable
snippet model, this module finds:

- MISSING: no object with the same translation key in English. The action is
  wagtail-localize's "Translate" form (submit for translation).
- OUTDATED: the French object changed after the last sync of its
  ``TranslationSource`` (``last_updated_at``, which the "Sync translated pages"
  view, ``TranslationSource.update_from_db``, moves forward). The action is
  wagtail-localize's "Sync translated pages" form (update translations).

"Changed" means, for pages, published again: ``last_published_at`` later than
the last sync. A draft does not count: a sync copies the published French page.
Snippets with draft states are treated like pages (live ones, their last
publication); snippets with revisions only, by their latest revision. Snippets
without revisions have no change date: their current content is compared with
the content frozen at the last sync, as wagtail-localize itself does.

Only synced translations (an enabled wagtail-localize ``Translation``) can be
out of date: an English version made by hand, or whose sync was stopped, is
the editors' own.

Queries: one for the pages, one per translatable snippet model, whatever the
number of objects (subqueries and annotations, no per-object query).
"""

import json
from dataclasses import dataclass
from datetime import datetime

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import DraftStateMixin, Locale, Page, RevisionMixin, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import TranslationSource

SOURCE_LANGUAGE = "fr"
TARGET_LANGUAGE = "en"

MISSING = "missing"
OUTDATED = "outdated"
STATUS_LABELS = {
    MISSING: _("Traduction manquante"),
    OUTDATED: _("Traduction à mettre à jour"),
}


@dataclass(frozen=True)
class TranslationTask:
    """One French page or snippet whose English needs work, and where to do it."""

    status: str
    title: str
    kind: str  # the model's verbose name
    is_page: bool
    edit_url: str  # the French object's editor
    action_url: str  # wagtail-localize's translate (MISSING) or sync (OUTDATED) form
    changed_at: datetime | None = None  # OUTDATED: when the French changed…
    synced_at: datetime | None = None  # …and when it was last synced

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def is_missing(self):
        return self.status == MISSING


def languages():
    """(French locale, English locale), or None when either does not exist."""
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in=[SOURCE_LANGUAGE, TARGET_LANGUAGE])
    }
    if SOURCE_LANGUAGE not in locales or TARGET_LANGUAGE not in locales:
        return None
    return locales[SOURCE_LANGUAGE], locales[TARGET_LANGUAGE]


def synced_sources(source_locale, target_locale):
    """The TranslationSource of the outer object, when it has an enabled sync to the target."""
    return TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        locale=source_locale,
        translations__target_locale=target_locale,
        translations__enabled=True,
    )


def annotate_status(queryset, model, source_locale, target_locale):
    """French objects of queryset, with ``has_translation``, ``source_pk`` and ``synced_at``."""
    sources = synced_sources(source_locale, target_locale)
    return queryset.filter(locale=source_locale).annotate(
        has_translation=Exists(
            model.objects.filter(translation_key=OuterRef("translation_key"), locale=target_locale)
        ),
        source_pk=Subquery(sources.values("pk")[:1]),
        synced_at=Subquery(sources.values("last_updated_at")[:1]),
    )


def update_url(source_pk):
    return reverse("wagtail_localize:update_translations", args=[source_pk])


def page_tasks(source_locale, target_locale):
    pages = (
        annotate_status(Page.objects.all(), Page, source_locale, target_locale)
        .filter(live=True, depth__gte=2)
        .filter(Q(has_translation=False) | Q(synced_at__lt=F("last_published_at")))
        .only("pk", "title", "content_type_id", "last_published_at")
        .order_by("path")
    )
    tasks = []
    for page in pages:
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        kind = model._meta.verbose_name if model else Page._meta.verbose_name
        common = {
            "title": page.title,
            "kind": kind,
            "is_page": True,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        }
        if not page.has_translation:
            url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
            tasks.append(TranslationTask(status=MISSING, action_url=url, **common))
        else:
            tasks.append(
                TranslationTask(
                    status=OUTDATED,
                    action_url=update_url(page.source_pk),
                    changed_at=page.last_published_at,
                    synced_at=page.synced_at,
                    **common,
                )
            )
    return tasks


def translatable_snippet_models():
    models = [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]
    return sorted(models, key=lambda model: (model._meta.app_label, model._meta.model_name))


def serialized(instance):
    """The content of a snippet as wagtail-localize freezes it in a TranslationSource."""
    data = get_serializable_data_for_fields(instance)
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def snippet_tasks(model, source_locale, target_locale):
    objects = annotate_status(model.objects.all(), model, source_locale, target_locale)
    sources = synced_sources(source_locale, target_locale)
    if issubclass(model, DraftStateMixin):
        # Like pages: what is not published yet needs no translation yet.
        objects = objects.filter(live=True)
        change_field = "last_published_at"
    elif issubclass(model, RevisionMixin):
        objects = objects.annotate(revised_at=F("latest_revision__created_at"))
        change_field = "revised_at"
    else:
        change_field = None
        if issubclass(model, ClusterableModel):
            # Its content includes child rows: comparing it would cost queries per
            # object. Such a model needs revisions to be reported out of date.
            objects = objects.filter(has_translation=False)
        else:
            objects = objects.annotate(source_content=Subquery(sources.values("content_json")[:1]))
    if change_field:
        objects = objects.filter(
            Q(has_translation=False) | Q(synced_at__lt=F(change_field))
        ).annotate(changed_at=F(change_field))

    meta = model._meta
    tasks = []
    for obj in objects.order_by("pk"):
        common = {
            "title": str(obj),
            "kind": meta.verbose_name,
            "is_page": False,
            "edit_url": reverse(obj.snippet_viewset.get_url_name("edit"), args=[quote(obj.pk)]),
        }
        if not obj.has_translation:
            url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[meta.app_label, meta.model_name, quote(obj.pk)],
            )
            tasks.append(TranslationTask(status=MISSING, action_url=url, **common))
        elif obj.source_pk is None:
            continue  # translated by hand, or its sync was stopped
        elif change_field:
            tasks.append(
                TranslationTask(
                    status=OUTDATED,
                    action_url=update_url(obj.source_pk),
                    changed_at=obj.changed_at,
                    synced_at=obj.synced_at,
                    **common,
                )
            )
        elif serialized(obj) != json.loads(obj.source_content):
            tasks.append(
                TranslationTask(
                    status=OUTDATED,
                    action_url=update_url(obj.source_pk),
                    synced_at=obj.synced_at,
                    **common,
                )
            )
    return tasks


def translation_tasks():
    """Everything to translate or sync: pages in tree order, then snippets, model by model."""
    locales = languages()
    if locales is None:
        return []
    tasks = page_tasks(*locales)
    for model in translatable_snippet_models():
        tasks += snippet_tasks(model, *locales)
    return tasks


@dataclass(frozen=True)
class SourceVersion:
    """The French version an English page or snippet was last synced from."""

    synced_at: datetime
    revision_id: int | None  # the French page's revision at the sync, when known
    source_edit_url: str | None
    update_url: str
    is_outdated: bool


def source_version(instance):
    """SourceVersion of an English object made by wagtail-localize, or None.

    Two queries: the TranslationSource, then the French object.
    """
    if getattr(instance, "locale", None) is None or instance.locale.language_code == (
        SOURCE_LANGUAGE
    ):
        return None
    source = (
        TranslationSource.objects.filter(
            object_id=instance.translation_key, translations__target_locale=instance.locale_id
        )
        .exclude(locale_id=instance.locale_id)
        .first()
    )
    if source is None:
        return None
    try:
        original = source.get_source_instance()
    except source.specific_content_type.model_class().DoesNotExist:
        original = None

    revision_id = None
    if isinstance(original, RevisionMixin):
        # The frozen content is the object as saved (published) at the sync, revision included.
        content = json.loads(source.content_json)
        revision_id = content.get("live_revision") or content.get("latest_revision")
    if isinstance(original, Page):
        edit_url = reverse("wagtailadmin_pages:edit", args=[original.pk])
        changed_at = original.last_published_at if original.live else None
        is_outdated = changed_at is not None and changed_at > source.last_updated_at
    elif original is not None:
        edit_url = reverse(original.snippet_viewset.get_url_name("edit"), args=[quote(original.pk)])
        if isinstance(original, DraftStateMixin):
            changed_at = original.last_published_at
            is_outdated = changed_at is not None and changed_at > source.last_updated_at
        elif isinstance(original, ClusterableModel):
            is_outdated = False
        else:
            is_outdated = serialized(original) != json.loads(source.content_json)
    else:
        edit_url = None
        is_outdated = False
    return SourceVersion(
        synced_at=source.last_updated_at,
        revision_id=revision_id,
        source_edit_url=edit_url,
        update_url=update_url(source.pk),
        is_outdated=is_outdated,
    )
