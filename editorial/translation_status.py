"""The state of the English version of every French page and snippet.

French is the source language: every English page or snippet is a wagtail-localize
translation of its French original (same ``translation_key``). For each live
French page (the site root excepted) and each French object of a translatable
snippet model, this module finds at most one task, the first that applies:

- MISSING: no object with the same translation key in English. The action is
  wagtail-localize's "Translate" form (submit for translation).
- OUTDATED: the French object changed after the last sync of its
  ``TranslationSource`` (``last_updated_at``, which the "Sync translated pages"
  view, ``TranslationSource.update_from_db``, moves forward). The action is
  wagtail-localize's "Sync translated pages" form (update translations).
- DRAFT: the English exists but is not live, or has changes not yet published:
  what "Translate" and "Sync" leave behind (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE
  is False) until a moderator publishes. The action is the English editor,
  where the moderator reviews, approves or publishes.

And, for each live English page or snippet (with draft states):

- SOURCE_REMOVED: no live French object with the same translation key (the
  French was unpublished or deleted): the English is online alone. The actions
  are unpublishing the English, or opening it.

DRAFT and SOURCE_REMOVED call for a publisher: ``visible_tasks`` keeps them
for users who may publish that kind of object (moderators, superusers).

"Changed" means, for pages, published again: ``last_published_at`` later than
the last sync. A draft does not count: a sync copies the published French page.
Snippets with draft states are treated like pages (live ones, their last
publication); snippets with revisions only, by their latest revision. Snippets
without revisions have no change date: their current content is compared with
the content frozen at the last sync, as wagtail-localize itself does.

Only synced translations (an enabled wagtail-localize ``Translation``) can be
out of date: an English version made by hand, or whose sync was stopped, is
the editors' own.

Queries, whatever the number of objects (subqueries and annotations, no
per-object query): two for the pages, two per translatable snippet model, and
one for the moderation state of the English drafts.
"""

import json
from dataclasses import dataclass, replace
from datetime import datetime
from functools import reduce
from operator import or_

from django.contrib.admin.utils import quote
from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import (
    DraftStateMixin,
    Locale,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowState,
    get_default_page_content_type,
)
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import TranslationSource

SOURCE_LANGUAGE = "fr"
TARGET_LANGUAGE = "en"

MISSING = "missing"
OUTDATED = "outdated"
DRAFT = "draft"
SOURCE_REMOVED = "source_removed"
STATUSES = (MISSING, OUTDATED, DRAFT, SOURCE_REMOVED)
STATUS_LABELS = {
    MISSING: _("Traduction manquante"),
    OUTDATED: _("Traduction à mettre à jour"),
    DRAFT: _("Anglais en attente de publication"),
    SOURCE_REMOVED: _("Source française retirée"),
}
# The values of the report's ?etat= filter.
STATUS_SLUGS = {
    MISSING: "manquante",
    OUTDATED: "a-mettre-a-jour",
    DRAFT: "en-attente",
    SOURCE_REMOVED: "source-retiree",
}
# States whose action is publishing or unpublishing the English.
PUBLISHER_STATUSES = frozenset({DRAFT, SOURCE_REMOVED})


@dataclass(frozen=True)
class TranslationTask:
    """One page or snippet whose English needs work, and where to do it."""

    status: str
    title: str  # the French title; the English one for SOURCE_REMOVED
    kind: str  # the model's verbose name
    is_page: bool
    edit_url: str | None  # the French object's editor (None: the French was deleted)
    # MISSING: wagtail-localize's translate form; OUTDATED: its sync form;
    # DRAFT: the English editor; SOURCE_REMOVED: the English unpublish view.
    action_url: str
    translation_url: str | None = None  # the English editor, when there is an English
    changed_at: datetime | None = None  # OUTDATED: when the French changed…
    synced_at: datetime | None = None  # …and when it was last synced
    in_moderation: bool = False  # DRAFT: the English is submitted to the workflow
    model: type | None = None  # for permission checks
    # (base content type id, object id) of the English, to find its workflow state
    workflow_key: tuple | None = None

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def status_slug(self):
        return STATUS_SLUGS[self.status]

    @property
    def is_missing(self):
        return self.status == MISSING

    @property
    def is_outdated(self):
        return self.status == OUTDATED

    @property
    def is_draft(self):
        return self.status == DRAFT

    @property
    def is_source_removed(self):
        return self.status == SOURCE_REMOVED


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


def unpublished(queryset):
    """Objects not live, or live with changes not published yet."""
    return queryset.filter(Q(live=False) | Q(has_unpublished_changes=True))


def annotate_status(queryset, model, source_locale, target_locale):
    """French objects of queryset, with ``has_translation``, ``translation_pk``,
    ``translation_draft`` (False for models without draft states), ``source_pk``
    and ``synced_at``."""
    sources = synced_sources(source_locale, target_locale)
    english = model.objects.filter(
        translation_key=OuterRef("translation_key"), locale=target_locale
    )
    queryset = queryset.filter(locale=source_locale).annotate(
        has_translation=Exists(english),
        translation_pk=Subquery(english.values("pk")[:1]),
        source_pk=Subquery(sources.values("pk")[:1]),
        synced_at=Subquery(sources.values("last_updated_at")[:1]),
    )
    if issubclass(model, DraftStateMixin):
        return queryset.annotate(translation_draft=Exists(unpublished(english)))
    return queryset.annotate(translation_draft=Value(False, output_field=BooleanField()))


def outdated(change_field):
    """True when the last sync is older than ``change_field`` (NULL, so falsy, without sync)."""
    return ExpressionWrapper(Q(synced_at__lt=F(change_field)), output_field=BooleanField())


def needs_work():
    return Q(has_translation=False) | Q(is_outdated=True) | Q(translation_draft=True)


def update_url(source_pk):
    return reverse("wagtail_localize:update_translations", args=[source_pk])


def french_task(obj, common, missing_url, change_field):
    """The task of a French object annotated by annotate_status, or None."""
    if not obj.has_translation:
        return TranslationTask(status=MISSING, action_url=missing_url, **common)
    if obj.source_pk is not None and obj.is_outdated:
        return TranslationTask(
            status=OUTDATED,
            action_url=update_url(obj.source_pk),
            changed_at=getattr(obj, change_field) if change_field else None,
            synced_at=obj.synced_at,
            **common,
        )
    if obj.translation_draft:
        return TranslationTask(status=DRAFT, action_url=common["translation_url"], **common)
    return None


def model_kind(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model._meta.verbose_name if model else Page._meta.verbose_name


def page_tasks(source_locale, target_locale):
    pages = (
        annotate_status(Page.objects.all(), Page, source_locale, target_locale)
        .filter(live=True, depth__gte=2)
        .annotate(is_outdated=outdated("last_published_at"))
        .filter(needs_work())
        .only("pk", "title", "content_type_id", "last_published_at")
        .order_by("path")
    )
    page_type = get_default_page_content_type().pk
    tasks = []
    for page in pages:
        translation_pk = page.translation_pk
        common = {
            "title": page.title,
            "kind": model_kind(page.content_type_id),
            "is_page": True,
            "model": Page,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            "translation_url": None
            if translation_pk is None
            else reverse("wagtailadmin_pages:edit", args=[translation_pk]),
            "workflow_key": None if translation_pk is None else (page_type, str(translation_pk)),
        }
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        task = french_task(page, common, url, "last_published_at")
        if task:
            tasks.append(task)
    return tasks


def annotate_source(queryset, model, source_locale):
    """``source_pk``: the French object, if any; ``source_live``: whether one is live."""
    french = model.objects.filter(translation_key=OuterRef("translation_key"), locale=source_locale)
    return queryset.annotate(
        source_pk=Subquery(french.values("pk")[:1]),
        source_live=Exists(french.filter(live=True)),
    )


def removed_source_page_tasks(source_locale, target_locale):
    """Live English pages whose French is unpublished or deleted."""
    pages = (
        annotate_source(
            Page.objects.filter(locale=target_locale, live=True, depth__gte=2), Page, source_locale
        )
        .filter(source_live=False)
        .only("pk", "title", "content_type_id")
        .order_by("path")
    )
    return [
        TranslationTask(
            status=SOURCE_REMOVED,
            title=page.title,
            kind=model_kind(page.content_type_id),
            is_page=True,
            model=Page,
            edit_url=None
            if page.source_pk is None
            else reverse("wagtailadmin_pages:edit", args=[page.source_pk]),
            action_url=reverse("wagtailadmin_pages:unpublish", args=[page.pk]),
            translation_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
        )
        for page in pages
    ]


def translatable_snippet_models():
    models = [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]
    return sorted(models, key=lambda model: (model._meta.app_label, model._meta.model_name))


def serialized(instance):
    """The content of a snippet as wagtail-localize freezes it in a TranslationSource."""
    data = get_serializable_data_for_fields(instance)
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def snippet_url(model, action, pk):
    return reverse(model.snippet_viewset.get_url_name(action), args=[quote(pk)])


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
        objects = objects.annotate(is_outdated=outdated(change_field)).filter(needs_work())

    meta = model._meta
    base_type = ContentType.objects.get_for_model(model).pk
    tasks = []
    for obj in objects.order_by("pk"):
        if not change_field and obj.has_translation and obj.source_pk is not None:
            # Compared in Python: the content is JSON, as frozen at the last sync.
            obj.is_outdated = serialized(obj) != json.loads(obj.source_content)
        elif not change_field:
            obj.is_outdated = False
        translation_pk = obj.translation_pk
        common = {
            "title": str(obj),
            "kind": meta.verbose_name,
            "is_page": False,
            "model": model,
            "edit_url": snippet_url(model, "edit", obj.pk),
            "translation_url": None
            if translation_pk is None
            else snippet_url(model, "edit", translation_pk),
            "workflow_key": None if translation_pk is None else (base_type, str(translation_pk)),
        }
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, quote(obj.pk)],
        )
        task = french_task(obj, common, url, change_field)
        if task:
            tasks.append(task)
    return tasks


def removed_source_snippet_tasks(model, source_locale, target_locale):
    """Live English objects of a snippet model with draft states whose French is not live."""
    if not issubclass(model, DraftStateMixin):
        return []  # always "live": their French cannot be withdrawn, only deleted
    objects = annotate_source(
        model.objects.filter(locale=target_locale, live=True), model, source_locale
    ).filter(source_live=False)
    return [
        TranslationTask(
            status=SOURCE_REMOVED,
            title=str(obj),
            kind=model._meta.verbose_name,
            is_page=False,
            model=model,
            edit_url=None if obj.source_pk is None else snippet_url(model, "edit", obj.source_pk),
            action_url=snippet_url(model, "unpublish", obj.pk),
            translation_url=snippet_url(model, "edit", obj.pk),
        )
        for obj in objects.order_by("pk")
    ]


def with_moderation_state(tasks):
    """Mark the DRAFT tasks whose English is in an in-progress workflow. One query."""
    keys = [task.workflow_key for task in tasks if task.status == DRAFT and task.workflow_key]
    if not keys:
        return tasks
    by_type = {}
    for content_type_id, object_id in keys:
        by_type.setdefault(content_type_id, []).append(object_id)
    condition = reduce(
        or_,
        (Q(base_content_type_id=ct, object_id__in=ids) for ct, ids in by_type.items()),
    )
    in_progress = set(
        WorkflowState.objects.filter(
            condition, status=WorkflowState.STATUS_IN_PROGRESS
        ).values_list("base_content_type_id", "object_id")
    )
    return [
        replace(task, in_moderation=True) if task.workflow_key in in_progress else task
        for task in tasks
    ]


def translation_tasks():
    """Every task: pages in tree order (French, then English alone online), then
    snippets, model by model."""
    locales = languages()
    if locales is None:
        return []
    tasks = page_tasks(*locales) + removed_source_page_tasks(*locales)
    for model in translatable_snippet_models():
        tasks += snippet_tasks(model, *locales)
        tasks += removed_source_snippet_tasks(model, *locales)
    return with_moderation_state(tasks)


def can_publish(user, model):
    """Whether user may publish (and unpublish) objects of model: pages or a snippet model."""
    if model is None or issubclass(model, Page):
        return PagePermissionPolicy().user_has_permission(user, "publish")
    codename = get_permission_codename("publish", model._meta)
    return user.has_perm(f"{model._meta.app_label}.{codename}")


def visible_tasks(tasks, user):
    """The tasks user may act on: DRAFT and SOURCE_REMOVED only for those who may publish."""
    allowed = {}
    visible = []
    for task in tasks:
        if task.status in PUBLISHER_STATUSES:
            if task.model not in allowed:
                allowed[task.model] = can_publish(user, task.model)
            if not allowed[task.model]:
                continue
        visible.append(task)
    return visible


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
