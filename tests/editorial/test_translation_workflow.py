"""An editor's English translation goes through the moderation workflow.

wagtail-localize's translation editor has no « submit »: editorial/views.py
submit_translation saves the editor's strings as a draft revision and starts
the page's workflow (templates/wagtail_localize/admin/edit_translation.html
shows its form to users who may not publish). The Validation then approves or
requests changes as for a French page.
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from wagtail.models import Locale, Page, TaskState
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from tests.editorial.moderation_helpers import add_standard_page, make_role_users, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def users():
    return make_role_users()


@pytest.fixture
def english():
    """A French page and its English translation, started but never published."""
    french = add_standard_page("Journée portes ouvertes")
    source, _ = TranslationSource.get_or_create_from_instance(french)
    locale = Locale.objects.get(language_code="en")
    translation = Translation.objects.create(source=source, target_locale=locale)
    translation.save_target(publish=False)
    return french.get_translation(locale)


def translate_title(page, text):
    """What typing the title in the translation editor stores."""
    translation = Translation.objects.get(source__object_id=page.translation_key)
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        defaults={"data": text},
    )


def editor_page(client, user, page):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    props = json.loads(soup.select_one(".js-translation-editor")["data-props"])
    return soup, props


def submit_url(page):
    return reverse("editorial_submit_translation", args=(page.pk,))


def submit_form(soup, page):
    return soup.find("form", attrs={"action": submit_url(page)})


def refreshed(page):
    return Page.objects.get(pk=page.pk).specific


def test_the_editor_is_offered_submit_not_delete_the_moderator_publish(client, users, english):
    soup, props = editor_page(client, users["editor"], english)
    form = submit_form(soup, english)
    assert form is not None and form["method"] == "post"
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert form.find("button").get_text(strip=True) == "Soumettre à la validation"
    # The translation editor's footer would otherwise make « Supprimer » its main action,
    # or « Convertir en alias de page », which publishes the French without moderation.
    assert not props["perms"].get("canDelete")
    assert not props["links"].get("convertToAliasUrl")
    assert not props["perms"]["canPublish"]

    # The moderator publishes from wagtail-localize's editor, as it is.
    soup, props = editor_page(client, users["moderator"], english)
    assert submit_form(soup, english) is None
    assert props["perms"]["canPublish"]


def test_submit_approve_publishes_the_english(client, users, english):
    editor, moderator = users["editor"], users["moderator"]
    translate_title(english, "Open day")
    client.force_login(editor)
    response = client.post(submit_url(english))
    assert response.status_code == 302
    page = refreshed(english)
    assert page.workflow_in_progress
    assert not page.live
    assert page.get_latest_revision().as_object().title == "Open day"
    task_state = page.current_workflow_task_state
    assert TaskState.objects.reviewable_by(moderator).filter(pk=task_state.pk).exists()
    assert [m for m in mail.outbox if moderator.email in m.to]

    # The editor now reads that it waits for approval, with nothing to submit.
    soup, _ = editor_page(client, editor, page)
    assert submit_form(soup, page) is None
    assert "en attente de validation" in soup.get_text()

    # The moderator has it on their dashboard.
    client.force_login(moderator)
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert "Open day" in dashboard.content.decode()

    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    assert client.post(url, {"comment": ""}).status_code in (200, 302)
    page = refreshed(english)
    assert page.live
    assert page.title == "Open day"
    assert not page.workflow_in_progress


def test_request_changes_then_resubmit(client, users, english):
    editor, moderator = users["editor"], users["moderator"]
    client.force_login(editor)
    client.post(submit_url(english))
    page = refreshed(english)
    mail.outbox.clear()

    client.force_login(moderator)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk))
    client.post(url, {"comment": "Traduisez le titre."})
    assert [m for m in mail.outbox if editor.email in m.to]

    soup, _ = editor_page(client, editor, page)
    form = submit_form(soup, page)
    assert form.find("button").get_text(strip=True) == "Soumettre à nouveau à la validation"

    translate_title(page, "Open day")
    client.post(submit_url(page))
    page = refreshed(english)
    assert page.current_workflow_state.status == "in_progress"
    assert page.current_workflow_task_state.revision.as_object().title == "Open day"
    assert not page.live


def test_submitting_twice_is_refused_without_error(client, users, english):
    client.force_login(users["editor"])
    client.post(submit_url(english))
    response = client.post(submit_url(english), follow=True)
    assert response.status_code == 200
    assert "ne peut pas être soumise" in response.content.decode()
    assert refreshed(english).workflow_states.count() == 1


def test_only_post_and_only_users_who_may_edit(client, english):
    client.force_login(make_user("visiteuse"))
    assert client.post(submit_url(english)).status_code in (302, 403)
    assert not refreshed(english).workflow_in_progress
    client.force_login(make_role_users()["editor"])
    assert client.get(submit_url(english)).status_code == 405
    # A 404, which LocaleMiddleware turns into a redirect to the /fr/ URL that 404s too.
    missing = client.post(reverse("editorial_submit_translation", args=(999999,)), follow=True)
    assert missing.status_code == 404


def test_submitting_a_live_translation_leaves_the_live_page_alone(client, users, english):
    english.get_latest_revision().publish()
    published_title = refreshed(english).title
    translate_title(english, "Open day, new edition")
    client.force_login(users["editor"])
    client.post(submit_url(english))
    page = refreshed(english)
    # Visitors keep the approved English until the moderator approves the new one.
    assert page.live
    assert page.title == published_title
    assert page.workflow_in_progress
    assert page.get_latest_revision().as_object().title == "Open day, new edition"
    assert page.has_unpublished_changes


def test_the_editor_cannot_convert_a_translation_to_an_alias(client, users, english):
    # Converting publishes the French at the English address: it would bypass moderation.
    url = reverse("wagtail_localize:convert_to_alias", args=(english.pk,))
    client.force_login(users["editor"])
    # Wagtail's answer to a refused admin view: back to the dashboard with a message.
    for response in (client.get(url), client.post(url)):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert refreshed(english).alias_of_id is None
    client.force_login(users["moderator"])
    assert client.get(url).status_code == 200


def test_converting_to_an_alias_asks_to_sign_in(client, english):
    url = reverse("wagtail_localize:convert_to_alias", args=(english.pk,))
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"] or "connexion" in response["Location"]


# Moderated snippets ---------------------------------------------------------------------


@pytest.fixture
def english_category():
    """A French news category and its English translation, started but never published."""
    from news.models import NewsCategory

    french = NewsCategory(
        name="Séminaire", slug="seminaire", locale=Locale.objects.get(language_code="fr")
    )
    french.save()
    french.save_revision().publish()
    source, _ = TranslationSource.get_or_create_from_instance(french)
    locale = Locale.objects.get(language_code="en")
    Translation.objects.create(source=source, target_locale=locale).save_target(publish=False)
    return french.get_translation(locale)


def snippet_editor(client, user, obj):
    from wagtail.admin.admin_url_finder import AdminURLFinder

    client.force_login(user)
    response = client.get(AdminURLFinder(user).get_edit_url(obj))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    props = json.loads(soup.select_one(".js-translation-editor")["data-props"])
    return soup, props


def snippet_submit_url(obj):
    args = (obj._meta.app_label, obj._meta.model_name, obj.pk)
    return reverse("editorial_submit_snippet_translation", args=args)


def test_an_editor_submits_a_snippet_translation_and_the_moderator_approves(
    client, users, english_category
):
    editor, moderator = users["editor"], users["moderator"]
    soup, props = snippet_editor(client, editor, english_category)
    form = soup.find("form", attrs={"action": snippet_submit_url(english_category)})
    assert form.find("button").get_text(strip=True) == "Soumettre à la validation"
    assert not props["perms"].get("canDelete")
    translation = Translation.objects.get(source__object_id=english_category.translation_key)
    segment = StringSegment.objects.get(source=translation.source, context__path="name")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        data="Seminar",
    )

    assert client.post(snippet_submit_url(english_category)).status_code == 302
    category = type(english_category).objects.get(pk=english_category.pk)
    assert category.workflow_in_progress and not category.live
    assert category.get_latest_revision().as_object().name == "Seminar"
    task_state = category.current_workflow_task_state
    assert TaskState.objects.reviewable_by(moderator).filter(pk=task_state.pk).exists()
    # In moderation, the editor reads that it waits; submitting again is refused, no 500
    # (templates/wagtailadmin/workflows/workflow_status.html).
    soup, _props = snippet_editor(client, editor, category)
    assert "en attente de validation" in soup.get_text()
    response = client.post(snippet_submit_url(category), follow=True)
    assert response.status_code == 200
    assert category.workflow_states.count() == 1

    # The moderator keeps wagtail-localize's editor, and approves through the workflow.
    soup, props = snippet_editor(client, moderator, category)
    assert soup.find("form", attrs={"action": snippet_submit_url(category)}) is None
    task_state.task.specific.on_action(task_state, moderator, "approve")
    category = type(english_category).objects.get(pk=english_category.pk)
    assert category.live and category.name == "Seminar"


def test_snippet_submissions_are_only_for_moderated_snippets_and_editors(
    client, users, english_category
):
    client.force_login(users["editor"])
    url = reverse("editorial_submit_snippet_translation", args=("wagtailimages", "image", "1"))
    # (LocaleMiddleware first redirects an admin 404 to /fr/admin/…, which answers 404.)
    assert client.post(url, follow=True).status_code == 404
    assert client.get(snippet_submit_url(english_category)).status_code == 405
    client.force_login(make_user("visiteuse"))
    response = client.post(snippet_submit_url(english_category))
    assert response.status_code in (302, 403)
    assert not type(english_category).objects.get(pk=english_category.pk).workflow_in_progress
