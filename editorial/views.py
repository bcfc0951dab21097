"""Admin views of the editorial workflow.

wagtail-localize's translation editor has no « submit for moderation » action:
a user who may not publish (the Rédaction) could only leave their English
work in the translation editor. ``submit_translation`` saves that work as a
draft revision of the English page and submits it to the page's workflow, as
Wagtail's own editor does for a French page, so the Validation approves it or
requests changes like any other page.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import SourceDeletedError, Translation
from wagtail_localize.views import convert


def page_translation(page):
    """The wagtail-localize translation whose target is ``page``, or None."""
    return Translation.objects.filter(
        source__object_id=page.translation_key,
        target_locale_id=page.locale_id,
        enabled=True,
    ).first()


def needs_changes(page):
    state = page.current_workflow_state
    return state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES


def can_submit_translation(page, user):
    """Whether ``user`` may submit (or resubmit) the translated ``page`` now."""
    perms = page.permissions_for_user(user)
    if not perms.can_edit() or perms.page_locked():
        return False
    # Changes requested: the workflow is still in progress, it is resumed.
    return needs_changes(page) or perms.can_submit_for_moderation()


@require_POST
def submit_translation(request, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.id,))
    translation = page_translation(page)
    if translation is None:
        messages.error(request, _("Cette page n'est pas une traduction en cours."))
        return redirect(edit_url)
    if not can_submit_translation(page, request.user):
        messages.error(
            request,
            _(
                "Cette traduction ne peut pas être soumise : elle est déjà en attente "
                "de validation ou la page est verrouillée."
            ),
        )
        return redirect(edit_url)

    resume = needs_changes(page)
    try:
        with transaction.atomic():
            # The editor's strings become a draft revision: the one the moderator reviews.
            # (editorial/live_status.py keeps a live English page's published content.)
            translation.save_target(user=request.user, publish=False)
            page = Page.objects.get(pk=page.pk).specific
            if resume:
                page.current_workflow_state.resume(request.user)
            else:
                page.get_workflow().start(page, request.user)
    except (ValidationError, SourceDeletedError):
        messages.error(
            request,
            _(
                "La traduction n'a pas pu être enregistrée : corrigez les champs "
                "signalés puis soumettez-la à nouveau."
            ),
        )
        return redirect(edit_url)

    messages.success(
        request,
        _("« %(title)s » a été soumise à la validation.")
        % {"title": page.get_admin_display_title()},
    )
    return redirect(edit_url)


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
