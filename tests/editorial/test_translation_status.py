"""The translation status: French pages and snippets whose English is missing or out of date."""

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from editorial.roles import MODERATORS_GROUP
from editorial.translation_status import (
    DRAFT,
    MISSING,
    OUTDATED,
    SOURCE_REMOVED,
    source_version,
    translation_tasks,
    visible_tasks,
)
from mission.models import MissionPage
from navigation.models import Footer
from partners.models import Partner
from tests.editorial.helpers import add_french_pages
from tests.editorial.moderation_helpers import make_role_users, make_user

pytestmark = pytest.mark.django_db


def statuses():
    return {(task.title, task.status) for task in translation_tasks()}


def sync(instance):
    """What “Sync translated pages” with “Publish immediately” does in wagtail-localize."""
    source = TranslationSource.objects.get(
        object_id=instance.translation_key, locale=instance.locale
    )
    source.update_from_db()
    # wagtail-localize publishes on commit: run it inside the test's transaction.
    with TestCase.captureOnCommitCallbacks(execute=True):
        for translation in source.translations.filter(enabled=True):
            translation.save_target(publish=True)


def french_mission():
    return MissionPage.objects.get(locale__language_code="fr")


def test_the_loaded_content_needs_no_translation():
    assert translation_tasks() == []


def test_a_french_page_without_english_is_missing():
    (page,) = add_french_pages(1)
    (task,) = translation_tasks()
    assert (task.title, task.status, task.is_page) == (page.title, MISSING, True)
    assert task.action_url == reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert task.edit_url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert str(task.status_label) == "Traduction manquante"


def test_an_unpublished_french_page_is_not_listed():
    (page,) = add_french_pages(1)
    page.unpublish()
    assert translation_tasks() == []


def test_a_french_page_published_after_the_sync_is_out_of_date_until_synced():
    page = french_mission()
    page.intro = "Une nouvelle introduction."
    page.save_revision().publish()

    (task,) = translation_tasks()
    assert (task.title, task.status) == (page.title, OUTDATED)
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    assert task.action_url == reverse("wagtail_localize:update_translations", args=[source.pk])
    assert task.synced_at == source.last_updated_at < task.changed_at
    assert str(task.status_label) == "Traduction à mettre à jour"

    sync(page)
    assert translation_tasks() == []


def test_a_french_draft_does_not_make_the_english_out_of_date():
    page = french_mission()
    page.intro = "Un brouillon."
    page.save_revision()
    assert translation_tasks() == []


def test_a_stopped_sync_is_not_reported():
    page = french_mission()
    Translation.objects.filter(source__object_id=page.translation_key).update(enabled=False)
    page.intro = "Une nouvelle introduction."
    page.save_revision().publish()
    assert translation_tasks() == []


def test_a_french_partner_without_english_is_missing():
    partner = Partner.objects.create(
        locale=Locale.objects.get(language_code="fr"),
        name="Institut imaginaire",
        kind=Partner.Kind.INSTITUTE,
    )
    (task,) = translation_tasks()
    assert (task.title, task.status, task.is_page) == ("Institut imaginaire", MISSING, False)
    assert task.action_url == reverse(
        "wagtail_localize:submit_snippet_translation", args=["partners", "partner", partner.pk]
    )
    assert task.edit_url == reverse("wagtailsnippets_partners_partner:edit", args=[partner.pk])


def test_a_french_snippet_changed_after_the_sync_is_out_of_date_until_synced():
    footer = Footer.objects.get(locale__language_code="fr")
    footer.contact_phone = "+33 1 00 00 00 00"
    if hasattr(footer, "save_revision"):  # snippets with draft states: as the editor does
        footer.save_revision().publish()
    else:
        footer.save()
    (task,) = translation_tasks()
    assert (task.title, task.status, task.is_page) == (str(footer), OUTDATED, False)

    sync(footer)
    assert translation_tasks() == []


def test_the_number_of_queries_does_not_depend_on_the_number_of_pages():
    def queries():
        with CaptureQueriesContext(connection) as captured:
            tasks = translation_tasks()
        return len(captured), len(tasks)

    add_french_pages(3, prefix="Lot un")
    first, listed = queries()
    assert listed == 3
    add_french_pages(20, prefix="Lot deux")
    second, listed = queries()
    assert listed == 23
    assert first == second


def test_the_english_page_knows_its_french_version():
    french = french_mission()
    english = MissionPage.objects.get(locale__language_code="en")
    source = TranslationSource.objects.get(object_id=french.translation_key, locale=french.locale)

    version = source_version(english)
    assert version.synced_at == source.last_updated_at
    assert version.revision_id == french.live_revision_id
    assert version.source_edit_url == reverse("wagtailadmin_pages:edit", args=[french.pk])
    assert not version.is_outdated
    assert source_version(french) is None

    french.intro = "Une nouvelle introduction."
    french.save_revision().publish()
    assert source_version(english).is_outdated


def test_the_english_editor_says_which_french_version_it_was_translated_from(admin_client):
    french = french_mission()
    english = MissionPage.objects.get(locale__language_code="en")
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Traduit depuis la version française du" in html
    assert f"(révision n° {french.live_revision_id})" in html
    assert reverse("wagtailadmin_pages:edit", args=[french.pk]) in html

    # The French editor says nothing of the sort.
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert "Traduit depuis" not in response.content.decode()


def test_the_english_snippet_editor_says_which_french_version_it_was_translated_from(
    admin_client,
):
    english = Partner.objects.filter(locale__language_code="en").first()
    response = admin_client.get(reverse("wagtailsnippets_partners_partner:edit", args=[english.pk]))
    assert response.status_code == 200
    assert "Traduit depuis la version française du" in response.content.decode()


# English drafts waiting for publication, and English online without its French.


def translate(instance, *, publish=False):
    """What « Traduire » does (a draft, as WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is
    False), or with publish=True what a moderator's « Publier dans English » leaves."""
    english = Locale.objects.get(language_code="en")
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=english)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=publish)
    return instance.get_translation(english)


def french_partner(name="Institut imaginaire"):
    partner = Partner(
        locale=Locale.objects.get(language_code="fr"), name=name, kind=Partner.Kind.INSTITUTE
    )
    partner.save()
    partner.save_revision().publish()
    return partner


def test_a_translation_not_yet_published_is_a_draft_waiting():
    (page,) = add_french_pages(1)
    english = translate(page)
    assert not english.live

    (task,) = translation_tasks()
    assert (task.title, task.status) == (page.title, DRAFT)
    assert task.action_url == task.translation_url
    assert task.translation_url == reverse("wagtailadmin_pages:edit", args=[english.pk])
    assert task.edit_url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not task.in_moderation
    assert str(task.status_label) == "Anglais en attente de publication"

    english.save_revision().publish()
    assert translation_tasks() == []


def test_a_sync_not_yet_published_is_a_draft_waiting_not_out_of_date():
    page = french_mission()
    page.intro = "Une nouvelle introduction."
    page.save_revision().publish()
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    source.update_from_db()
    english = translate(page)  # « Synchroniser » without « Publier immédiatement »
    assert english.live and english.has_unpublished_changes

    assert statuses() == {(page.title, DRAFT)}
    english.get_latest_revision().publish()
    assert translation_tasks() == []


def test_an_english_draft_submitted_to_the_workflow_is_in_moderation():
    (page,) = add_french_pages(1)
    english = translate(page)
    moderator = make_user("validateur", MODERATORS_GROUP)
    english.get_workflow().start(english, moderator)

    (task,) = translation_tasks()
    assert (task.status, task.in_moderation) == (DRAFT, True)


def test_an_english_page_online_without_its_french_is_flagged_until_withdrawn():
    (page,) = add_french_pages(1)
    english = translate(page, publish=True)
    assert translation_tasks() == []

    page.unpublish()
    (task,) = translation_tasks()
    assert (task.title, task.status, task.is_page) == (english.title, SOURCE_REMOVED, True)
    assert task.action_url == reverse("wagtailadmin_pages:unpublish", args=[english.pk])
    assert task.translation_url == reverse("wagtailadmin_pages:edit", args=[english.pk])
    assert task.edit_url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert str(task.status_label) == "Source française retirée"

    english.unpublish()
    assert translation_tasks() == []


def test_an_english_page_whose_french_was_deleted_is_flagged():
    (page,) = add_french_pages(1)
    english = translate(page, publish=True)
    page.delete()
    (task,) = translation_tasks()
    assert (task.title, task.status, task.edit_url) == (english.title, SOURCE_REMOVED, None)


def test_moderated_snippets_have_the_same_states():
    partner = french_partner()
    english = translate(partner)
    (task,) = translation_tasks()
    assert (task.title, task.status, task.is_page) == ("Institut imaginaire", DRAFT, False)
    assert task.action_url == reverse("wagtailsnippets_partners_partner:edit", args=[english.pk])

    english.save_revision().publish()
    assert translation_tasks() == []

    partner.unpublish()
    (task,) = translation_tasks()
    assert (task.title, task.status) == (str(english), SOURCE_REMOVED)
    assert task.action_url == reverse(
        "wagtailsnippets_partners_partner:unpublish", args=[english.pk]
    )


def test_drafts_and_withdrawals_are_for_those_who_may_publish():
    (missing,) = add_french_pages(1, prefix="Sans anglais")
    (drafted,) = add_french_pages(1, prefix="Anglais en brouillon")
    translate(drafted)
    (withdrawn,) = add_french_pages(1, prefix="Français retiré")
    translate(withdrawn, publish=True)
    withdrawn.unpublish()
    partner = french_partner()
    translate(partner)

    users = make_role_users()
    tasks = translation_tasks()
    assert len(tasks) == 4

    def seen(user):
        return {(task.title, task.status) for task in visible_tasks(tasks, user)}

    assert seen(users["editor"]) == {(missing.title, MISSING)}
    everything = {(task.title, task.status) for task in tasks}
    assert seen(users["moderator"]) == everything
    assert seen(users["admin"]) == everything


def test_the_number_of_queries_does_not_depend_on_the_number_of_drafts():
    moderator = make_user("validateur", MODERATORS_GROUP)

    def add(count, prefix):
        for page in add_french_pages(count, prefix=prefix):
            english = translate(page)
            english.get_workflow().start(english, moderator)
        withdrawn = add_french_pages(count, prefix=f"{prefix} retirée")
        for page in withdrawn:
            translate(page, publish=True)
            page.unpublish()

    def queries():
        translation_tasks()  # warm the content type cache
        with CaptureQueriesContext(connection) as captured:
            tasks = translation_tasks()
        return len(captured), len(tasks)

    add(2, "Lot un")
    first, listed = queries()
    assert listed == 4
    add(8, "Lot deux")
    second, listed = queries()
    assert listed == 20
    assert first == second
