"""The moderation workflow « Validation éditoriale »: submit, approve or request changes.

An editor submits, a moderator of the Validation group approves (the page or
snippet goes live) or requests changes with a comment; Wagtail notifies both
by email, in each user's admin language.
"""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Locale, Page, TaskState, Workflow, WorkflowContentType

from editorial.roles import (
    MODERATED_SNIPPETS,
    MODERATORS_GROUP,
    TASK_NAME,
    WORKFLOW_NAME,
)
from navigation.models import Footer
from partners.models import Partner
from tests.editorial.moderation_helpers import add_standard_page, form_data, make_role_users

pytestmark = pytest.mark.django_db


def french(message, **values):
    """A Wagtail message as French users read it."""
    with translation.override("fr"):
        return translation.gettext(message) % values


def submit_page(client, editor, page):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = form_data(client.get(url), **{"action-submit": "action-submit", "body-count": 0})
    response = client.post(url, data)
    assert response.status_code == 302
    return Page.objects.get(pk=page.pk)


def page_action(client, moderator, page, action, comment=""):
    client.force_login(moderator)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment})


def test_the_workflow_covers_the_whole_site_and_the_snippets():
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert workflow.active
    [task] = [task.specific for task in workflow.tasks]
    assert task.name == TASK_NAME
    assert [group.name for group in task.groups.all()] == [MODERATORS_GROUP]
    # Both languages, every page.
    for page in Page.objects.filter(depth__gt=1):
        assert page.get_workflow() == workflow, page
    models = {
        f"{ct.content_type.app_label}.{ct.content_type.model}"
        for ct in WorkflowContentType.objects.filter(workflow=workflow)
    }
    assert models == set(MODERATED_SNIPPETS)
    # Wagtail's default workflow no longer applies anywhere.
    assert not Workflow.objects.filter(active=True).exclude(pk=workflow.pk).exists()


def test_an_editor_submits_and_a_moderator_approves(client):
    users = make_role_users()
    editor, moderator = users["editor"], users["moderator"]
    page = add_standard_page("Rentrée du campus", live=False, owner=editor)

    page = submit_page(client, editor, page)
    assert page.workflow_in_progress
    assert not page.live
    task_state = page.current_workflow_task_state
    assert task_state.task.name == TASK_NAME
    # The moderator has it to review, the editor does not.
    assert TaskState.objects.reviewable_by(moderator).filter(pk=task_state.pk).exists()
    assert not TaskState.objects.reviewable_by(editor).exists()
    # The moderators are told, in French.
    subject = french(
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s"',
        title="Rentrée du campus",
        task=TASK_NAME,
    )
    to_moderator = [m for m in mail.outbox if moderator.email in m.to]
    assert [m.subject for m in to_moderator] == [subject]
    assert subject.startswith("La page «\xa0Rentrée du campus\xa0» a été soumise")
    assert not [m for m in mail.outbox if editor.email in m.to]

    # The editor cannot approve their own page, even through the URL.
    page_action(client, editor, page, "approve")
    assert not Page.objects.get(pk=page.pk).live

    mail.outbox.clear()
    response = page_action(client, moderator, page, "approve", comment="Parfait.")
    assert response.status_code in {200, 302}
    page = Page.objects.get(pk=page.pk)
    assert page.live
    assert not page.workflow_in_progress
    subject = french(
        'The page "%(title)s" has been approved in "%(workflow)s".',
        title="Rentrée du campus",
        workflow=WORKFLOW_NAME,
    )
    assert [(m.to, m.subject) for m in mail.outbox] == [([editor.email], subject)]


def test_a_moderator_requests_changes_with_a_comment(client):
    users = make_role_users()
    editor, moderator = users["editor"], users["moderator"]
    page = submit_page(client, editor, add_standard_page("Brouillon à revoir", live=False))
    mail.outbox.clear()

    page_action(client, moderator, page, "reject", comment="Ajoutez la date de l'événement.")

    page = Page.objects.get(pk=page.pk)
    assert not page.live
    workflow_state = page.workflow_states.get()
    assert workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES
    [message] = [m for m in mail.outbox if editor.email in m.to]
    # templates/wagtailadmin/notifications/: what the moderator asked, not « rejeté ».
    assert message.subject == "Modifications demandées pour la page «\xa0Brouillon à revoir\xa0»"
    assert "Ajoutez la date de l'événement." in message.body
    assert "Vous pouvez modifier la page ici\xa0:" in message.body

    # The editor fixes it and submits again: the same workflow resumes.
    page = submit_page(client, editor, page)
    assert page.workflow_in_progress


def test_a_partner_goes_through_the_same_workflow(client):
    users = make_role_users()
    editor, moderator = users["editor"], users["moderator"]
    client.force_login(editor)
    url = reverse(Partner.snippet_viewset.get_url_name("add")) + "?locale=fr"
    data = form_data(
        client.get(url),
        name="Laboratoire imaginaire",
        kind="organisation",
        sort_order=0,
        **{"action-submit": "action-submit"},
    )
    client.post(url, data)

    partner = Partner.objects.get(name="Laboratoire imaginaire")
    assert not partner.live
    assert partner.workflow_in_progress
    task_state = partner.current_workflow_task_state
    assert task_state.task.name == TASK_NAME
    assert [m for m in mail.outbox if moderator.email in m.to]

    # Not published, so visitors do not see it.
    fr = Locale.objects.get(language_code="fr")
    assert partner not in Partner.objects.filter(locale=fr, live=True)

    mail.outbox.clear()
    client.force_login(moderator)
    action_url = reverse(
        Partner.snippet_viewset.get_url_name("workflow_action"),
        args=(partner.pk, "approve", task_state.pk),
    )
    client.post(action_url, {"comment": ""})
    partner = Partner.objects.get(pk=partner.pk)
    assert partner.live
    assert not partner.workflow_in_progress
    assert [m.to for m in mail.outbox] == [[editor.email]]


def test_visitors_see_published_snippets_only(client):
    """A draft edit keeps the published text on the site; an unpublished snippet disappears."""
    users = make_role_users()
    inria = Partner.objects.get(locale__language_code="fr", acronym="Inria")
    client.force_login(users["editor"])
    url = reverse(Partner.snippet_viewset.get_url_name("edit"), args=(inria.pk,))
    client.post(url, form_data(client.get(url), name="Nom en cours de relecture"))
    client.logout()
    partners_page = Page.objects.get(locale__language_code="fr", content_type__model="partnerspage")
    html = client.get(partners_page.url).content.decode()
    assert escape(inria.name) in html
    assert "Nom en cours de relecture" not in html

    footer = Footer.objects.get(locale__language_code="fr")
    first_line = escape(footer.address.splitlines()[0])
    assert first_line in client.get("/fr/").content.decode()
    footer.unpublish()
    assert first_line not in client.get("/fr/").content.decode()
