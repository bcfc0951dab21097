"""Admin views of the editorial workflow.

wagtail-localize's translation editor has no « submit for moderation » action:
a user who may not publish (the Rédaction) could only leave their English
work in the translation editor. ``submit_translation`` saves that work as a
draft revision of the English page and submits it to the page's workflow, as
Wagtail's own editor does for a French page, so the Validation approves it or
requests changes like any other page. ``submit_snippet_translation`` does the
same for the moderated snippets.
"""

from django.apps import apps
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.auth import require_admin_access
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import SourceDeletedError, Translation
from wagtail_localize.views import convert

from editorial.roles import MODERATED_SNIPPETS


def object_translation(obj):
    """The wagtail-localize translation whose target is ``obj`` (a page or a snippet), or None."""
    return Translation.objects.filter(
        source__object_id=obj.translation_key,
        target_locale_id=obj.locale_id,
        enabled=True,
    ).first()


def needs_changes(obj):
    state = obj.current_workflow_state
    return state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES


def can_submit_translation(page, user):
    """Whether ``user`` may submit (or resubmit) the translated ``page`` now."""
    perms = page.permissions_for_user(user)
    if not perms.can_edit() or perms.page_locked():
        return False
    # Changes requested: the workflow is still in progress, it is resumed.
    return needs_changes(page) or perms.can_submit_for_moderation()


def change_permission(model):
    return f"{model._meta.app_label}.{get_permission_codename('change', model._meta)}"


def can_submit_snippet_translation(obj, user):
    """The same for a moderated snippet: editable, not locked by another, not in moderation."""
    if not user.has_perm(change_permission(type(obj))):
        return False
    if getattr(obj, "locked", False) and obj.locked_by_id != user.pk:
        return False
    return needs_changes(obj) or (obj.get_workflow() is not None and not obj.workflow_in_progress)


def submit(request, obj, may_submit):
    """Save the editor's strings as a draft revision of ``obj``; start or resume its workflow."""
    edit_url = AdminURLFinder(request.user).get_edit_url(obj)
    translation = object_translation(obj)
    if translation is None:
        messages.error(request, _("Ce contenu n'est pas une traduction en cours."))
        return redirect(edit_url)
    if not may_submit(obj, request.user):
        messages.error(
            request,
            _(
                "Cette traduction ne peut pas être soumise : elle est déjà en attente "
                "de validation ou le contenu est verrouillé."
            ),
        )
        return redirect(edit_url)

    resume = needs_changes(obj)
    try:
        with transaction.atomic():
            # The editor's strings become a draft revision: the one the moderator reviews.
            # (editorial/live_status.py keeps live English content as it was published.)
            translation.save_target(user=request.user, publish=False)
            obj = type(obj).objects.get(pk=obj.pk)
            if resume:
                obj.current_workflow_state.resume(request.user)
            else:
                obj.get_workflow().start(obj, request.user)
    except (ValidationError, SourceDeletedError):
        messages.error(
            request,
            _(
                "La traduction n'a pas pu être enregistrée : corrigez les champs "
                "signalés puis soumettez-la à nouveau."
            ),
        )
        return redirect(edit_url)

    title = obj.get_admin_display_title() if isinstance(obj, Page) else str(obj)
    messages.success(request, _("« %(title)s » a été soumise à la validation.") % {"title": title})
    return redirect(edit_url)


@require_POST
def submit_translation(request, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return submit(request, page, can_submit_translation)


@require_POST
def submit_snippet_translation(request, app_label, model_name, pk):
    """The same for the moderated snippets (categories, press contacts, partners, footer)."""
    if f"{app_label}.{model_name}" not in MODERATED_SNIPPETS:
        raise Http404
    model = apps.get_model(app_label, model_name)
    obj = get_object_or_404(model, pk=pk)
    if not request.user.has_perm(change_permission(model)):
        raise PermissionDenied
    return submit(request, obj, can_submit_snippet_translation)


@require_admin_access
def convert_to_alias(request, page_id):
    """wagtail-localize's « Convertir en alias de page », for those who may publish only.

    Converting publishes the French content at the English address at once; the
    library checks only the edit permission, which would let the Rédaction bypass
    moderation. campus/urls.py routes the library's URL here, before the admin's.
    """
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)
