"""The communications team's dashboard panels and the full translation report.

- « Traductions à faire »: French pages and snippets whose English is missing
  or out of date, English drafts waiting for publication and English online
  without its French (editorial/translation_status.py); the first few on the
  dashboard, all of them at /admin/traductions/, filtered by state and paginated.
  Editors see what they can act on (missing, out of date); those who may
  publish also see the drafts to publish and the English to withdraw.
- « Publications planifiées »: what goes live, and which live page is
  withdrawn, at a date set in the editor's "Publication planifiée" dialog.
  The ``run_scheduler`` command (or ``publish_scheduled``) does it at that date.

Each panel costs a fixed number of queries, whatever the size of the site.
"""

from django import forms
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import BadRequest, PermissionDenied
from django.core.paginator import InvalidPage
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Page, Revision, get_default_page_content_type

from core.pagination import PAGE_NUMBER
from editorial.translation_status import (
    DRAFT,
    PUBLISHER_STATUSES,
    STATUS_LABELS,
    STATUS_SLUGS,
    STATUSES,
    can_publish,
    translatable_snippet_models,
    translation_tasks,
    visible_tasks,
)

# Who sees the translation panel and report: the links lead to wagtail-localize
# views that require this permission.
TRANSLATION_PERMISSION = "wagtail_localize.submit_translation"


def can_translate(user):
    return user.has_perm(TRANSLATION_PERMISSION)


def sees_publisher_tasks(user):
    """Whether user may publish pages or some translatable snippet: then the
    drafts to publish and the English to withdraw are theirs too."""
    return any(can_publish(user, model) for model in [Page, *translatable_snippet_models()])


def user_tasks(user):
    """(tasks user may act on, number of English drafts waiting for someone else)."""
    everything = translation_tasks()
    tasks = visible_tasks(everything, user)
    waiting = sum(task.status == DRAFT for task in everything) - sum(
        task.status == DRAFT for task in tasks
    )
    return tasks, waiting


class TranslationTasksPanel(Component):
    name = "editorial_translation_tasks"
    template_name = "editorial/translation_tasks_panel.html"
    order = 230
    limit = 10

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = super().get_context_data(parent_context)
        tasks, waiting = user_tasks(request.user)
        context.update(
            {
                "tasks": tasks[: self.limit],
                "total": len(tasks),
                "more": len(tasks) > self.limit,
                "waiting_elsewhere": waiting,
                "sees_everything": sees_publisher_tasks(request.user),
                "report_url": reverse("editorial_translations"),
                "request": request,
            }
        )
        return context

    def render_html(self, parent_context=None):
        if not can_translate(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)


def edit_url_of_revision(revision):
    """The editor of the object a revision belongs to, or None."""
    if revision.base_content_type_id == get_default_page_content_type().id:
        return reverse("wagtailadmin_pages:edit", args=[revision.object_id])
    model = ContentType.objects.get_for_id(revision.content_type_id).model_class()
    viewset = getattr(model, "snippet_viewset", None)
    if viewset is None:
        return None
    return reverse(viewset.get_url_name("edit"), args=[quote(revision.object_id)])


def scheduled_items(limit=None):
    """[{"title", "kind", "date", "action", "edit_url", "locale_id"}], by date.

    Going live: every revision approved for a future date (pages and snippets).
    Withdrawn: every live page with an expiry date. Three queries.
    """
    items = []
    revisions = (
        Revision.objects.filter(approved_go_live_at__isnull=False)
        .defer("content")
        .order_by("approved_go_live_at")
    )
    revisions = list(revisions[:limit] if limit else revisions)
    page_type = get_default_page_content_type().id
    page_ids = [int(rev.object_id) for rev in revisions if rev.base_content_type_id == page_type]
    page_locales = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "locale_id"))
    for revision in revisions:
        model = ContentType.objects.get_for_id(revision.content_type_id).model_class()
        items.append(
            {
                "title": revision.object_str,
                "kind": model._meta.verbose_name if model else "",
                "date": revision.approved_go_live_at,
                "action": _("Mise en ligne"),
                "edit_url": edit_url_of_revision(revision),
                "locale_id": page_locales.get(int(revision.object_id))
                if revision.base_content_type_id == page_type
                else None,
            }
        )
    expiring = (
        Page.objects.live()
        .filter(expire_at__isnull=False)
        .only("pk", "title", "content_type_id", "expire_at", "locale_id")
        .order_by("expire_at")
    )
    for page in expiring[:limit] if limit else expiring:
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        items.append(
            {
                "title": page.title,
                "kind": model._meta.verbose_name if model else "",
                "date": page.expire_at,
                "action": _("Retrait"),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                "locale_id": page.locale_id,
            }
        )
    items.sort(key=lambda item: item["date"])
    return items[:limit] if limit else items


class ScheduledPublicationsPanel(Component):
    name = "editorial_scheduled_publications"
    template_name = "editorial/scheduled_panel.html"
    order = 240
    limit = 20

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(
            {
                "items": scheduled_items(self.limit),
                "now": timezone.now(),
                "request": parent_context["request"],
            }
        )
        return context


class TranslationStateForm(forms.Form):
    """The report's filter, ``?etat=``: the states the user sees, by their French slug."""

    etat = forms.ChoiceField(label=_("État"), required=False)

    def __init__(self, *args, statuses, counts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["etat"].choices = [("", _("Tous les états"))] + [
            (STATUS_SLUGS[status], f"{STATUS_LABELS[status]} ({counts.get(status, 0)})")
            for status in statuses
        ]

    def status(self):
        slug = self.cleaned_data["etat"]
        return next((status for status, value in STATUS_SLUGS.items() if value == slug), None)


class TranslationReportView(WagtailAdminTemplateMixin, TemplateView):
    """Every translation task of the user, by state (``?etat=``), 50 a page (``?p=``)."""

    template_name = "editorial/translation_report.html"
    page_title = _("Traductions à faire")
    header_icon = "wagtail-localize-language"
    per_page = 50

    def dispatch(self, request, *args, **kwargs):
        if not can_translate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        tasks, waiting = user_tasks(user)
        sees_everything = sees_publisher_tasks(user)
        statuses = [
            status for status in STATUSES if sees_everything or status not in PUBLISHER_STATUSES
        ]
        counts = {}
        for task in tasks:
            counts[task.status] = counts.get(task.status, 0) + 1
        form = TranslationStateForm(self.request.GET, statuses=statuses, counts=counts)
        if not form.is_valid():
            # A state the select does not offer: a hand-made or stale URL.
            raise BadRequest("Unknown translation state")
        status = form.status()
        if status:
            tasks = [task for task in tasks if task.status == status]

        paginator = WagtailPaginator(tasks, self.per_page)
        number = self.request.GET.get("p", "1")
        # As on the public listings (core/pagination.py): any page not offered is a 404.
        if not PAGE_NUMBER.fullmatch(number):
            raise Http404("Invalid page")
        try:
            page = paginator.page(int(number))
        except InvalidPage as error:
            raise Http404("Invalid page") from error
        context.update(
            {
                "tasks": page.object_list,
                "items": page,
                "paginator": paginator,
                "elided_page_range": paginator.get_elided_page_range(page.number),
                "is_paginated": paginator.num_pages > 1,
                "filter_form": form,
                "status": status,
                "waiting_elsewhere": waiting,
                "sees_everything": sees_everything,
            }
        )
        return context
