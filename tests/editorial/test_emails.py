"""Moderation emails that arrive: sent by SMTP to a real server, read as received.

An editor submits a French page: each moderator receives a mail in French whose link,
absolute (WAGTAILADMIN_BASE_URL), opens the page to review. Approval and requests for
changes (with the moderator's comment) reach the author. The messages are parsed from
the bytes aiosmtpd received, so headers are decoded as a mail client would.
"""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from editorial.roles import MODERATORS_GROUP, TASK_NAME, WORKFLOW_NAME
from tests.editorial.moderation_helpers import (
    add_standard_page,
    form_data,
    make_role_users,
    make_user,
)
from tests.smtp import smtp_server  # noqa: F401

pytestmark = pytest.mark.django_db

TITLE = "Rentrée du campus"
# Words that betray an English (untranslated) notification.
ENGLISH = re.compile(r"\b(Hello|has been|You can|Edit your|submitted|approved|rejected)\b")


def french(message, **values):
    """A Wagtail message as French users read it (with the project's corrections)."""
    with translation.override("fr"):
        return translation.gettext(message) % values


def subject(message):
    # A long encoded subject is folded after « Subject: »; mail clients drop that space.
    return message["Subject"].strip()


def body(message):
    # SMTP carries CRLF line ends; read lines as a mail client shows them.
    return message.get_content().replace("\r\n", "\n")


def links(message):
    return re.findall(r"https?://\S+", body(message))


def admin_path(url):
    """The path of an absolute admin link, which must point at WAGTAILADMIN_BASE_URL."""
    assert url.startswith(settings.WAGTAILADMIN_BASE_URL + "/admin/"), url
    return url.removeprefix(settings.WAGTAILADMIN_BASE_URL)


def submit(editor, page):
    client = Client()
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = form_data(client.get(url), **{"action-submit": "action-submit", "body-count": 0})
    assert client.post(url, data).status_code == 302
    return Page.objects.get(pk=page.pk)


def workflow_action(moderator, page, action, comment=""):
    client = Client()
    client.force_login(moderator)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    response = client.post(url, {"comment": comment})
    assert response.status_code in {200, 302}
    return Page.objects.get(pk=page.pk)


@pytest.fixture
def inbox(smtp_server):  # noqa: F811
    return smtp_server


@pytest.fixture
def team():
    users = make_role_users()
    users["second_moderator"] = make_user("relectrice", MODERATORS_GROUP)
    return users


def test_a_submission_reaches_each_moderator_in_french_with_a_working_link(inbox, team):
    editor = team["editor"]
    moderators = [team["moderator"], team["second_moderator"]]
    page = submit(editor, add_standard_page(TITLE, live=False, owner=editor))

    for moderator in moderators:
        [message] = inbox.to(moderator.email)
        assert message["To"] == moderator.email
        assert message["From"] == settings.WAGTAILADMIN_NOTIFICATION_FROM_EMAIL
        assert subject(message) == french(
            'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s"',
            title=TITLE,
            task=TASK_NAME,
        )
        assert subject(message).startswith(f"La page «\xa0{TITLE}\xa0» a été soumise")
        text = body(message)
        assert text.startswith(f"Bonjour {moderator.first_name},")
        assert f"La page «\xa0{TITLE}\xa0» attend votre relecture" in text
        assert not ENGLISH.search(text), text
        edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        preview_url = reverse(
            "wagtailadmin_pages:workflow_preview",
            args=(page.pk, page.current_workflow_task.pk),
        )
        paths = [admin_path(url) for url in links(message)]
        assert edit_url in paths
        assert preview_url in paths
        # The links open the page to review for this moderator, signed in.
        client = Client()
        client.force_login(moderator)
        for path in (edit_url, preview_url):
            assert client.get(path).status_code == 200, path
        review = client.get(edit_url).content.decode()
        assert "Approuver" in review
        assert "Demander des modifications" in review
    # Nobody writes to themselves.
    assert not inbox.to(editor.email)


def test_approval_reaches_the_author(inbox, team):
    editor, moderator = team["editor"], team["moderator"]
    page = submit(editor, add_standard_page(TITLE, live=False, owner=editor))
    inbox.clear()

    page = workflow_action(moderator, page, "approve")

    assert page.live
    [message] = inbox.to(editor.email)
    assert subject(message) == french(
        'The page "%(title)s" has been approved in "%(workflow)s".',
        title=TITLE,
        workflow=WORKFLOW_NAME,
    )
    assert subject(message).startswith(f"La page «\xa0{TITLE}\xa0» a été approuvée")
    text = body(message)
    assert text.startswith(f"Bonjour {editor.first_name},")
    assert not ENGLISH.search(text), text
    # The mail links to the published page, which visitors now see.
    assert page.full_url in links(message)
    assert Client().get(page.url).status_code == 200
    # Only the author is told.
    assert len(inbox.messages) == 1


def test_a_request_for_changes_reaches_the_author_with_the_comment(inbox, team):
    editor, moderator = team["editor"], team["moderator"]
    page = submit(editor, add_standard_page(TITLE, live=False, owner=editor))
    inbox.clear()
    comment = "Ajoutez la date et l'heure de l'événement, s'il vous plaît."

    page = workflow_action(moderator, page, "reject", comment=comment)

    assert not page.live
    [message] = inbox.to(editor.email)
    # « Demander des modifications », not Wagtail's « rejeté » (which was also mis-agreed).
    assert subject(message) == f"Modifications demandées pour la page «\xa0{TITLE}\xa0»"
    text = body(message)
    assert text.startswith(f"Bonjour {editor.first_name},")
    assert f"{moderator.first_name} demande des modifications de la page «\xa0{TITLE}\xa0»" in text
    assert not ENGLISH.search(text), text
    assert "rejet" not in text
    assert f"Commentaire\xa0:\n{comment}" in text
    # The link takes the author back to the editor to make the changes.
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert edit_url in [admin_path(url) for url in links(message)]
    client = Client()
    client.force_login(editor)
    assert client.get(edit_url).status_code == 200
