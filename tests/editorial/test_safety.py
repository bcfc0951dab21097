"""Safety nets for editors: history, compare and restore, previews, locks, editing sessions.

Everything here is Wagtail's own behaviour; the tests make sure the project's
settings and page types keep it working, in both languages.
"""

import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from wagtail import blocks
from wagtail.admin.models import EditingSession
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import querydict_from_html
from wagtail_localize.models import Translation

from news.models import NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_fr():
    return NewsPage.objects.filter(locale__language_code="fr", live=True).first()


@pytest.fixture
def news_en(news_fr):
    return news_fr.get_translation(Locale.objects.get(language_code="en"))


@pytest.fixture
def other_admin():
    return get_user_model().objects.create_superuser(
        "relectrice", "relectrice@example.org", "un mot de passe assez long"
    )


def block_form_data(block, value, prefix):
    """What the browser posts for ``value`` of ``block``: the JavaScript builds these fields."""
    data = {}
    if isinstance(block, blocks.StreamBlock):
        children = list(value or [])
        data[f"{prefix}-count"] = str(len(children))
        for index, child in enumerate(children):
            data[f"{prefix}-{index}-type"] = child.block_type
            data[f"{prefix}-{index}-id"] = child.id or ""
            data[f"{prefix}-{index}-order"] = str(index)
            data[f"{prefix}-{index}-deleted"] = ""
            data.update(block_form_data(child.block, child.value, f"{prefix}-{index}-value"))
    elif isinstance(block, blocks.ListBlock):
        children = list(value.bound_blocks) if value is not None else []
        data[f"{prefix}-count"] = str(len(children))
        for index, child in enumerate(children):
            data[f"{prefix}-{index}-id"] = child.id or ""
            data[f"{prefix}-{index}-order"] = str(index)
            data[f"{prefix}-{index}-deleted"] = ""
            data.update(block_form_data(block.child_block, child.value, f"{prefix}-{index}-value"))
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            data.update(block_form_data(child_block, value.get(name), f"{prefix}-{name}"))
    elif isinstance(block, blocks.ChooserBlock):
        data[prefix] = str(value.pk) if value else ""
    elif isinstance(block, blocks.BooleanBlock):
        if value:
            data[prefix] = "on"
    else:
        state = block.get_form_state(value)
        data[prefix] = "" if state is None else state
    return data


def stream_form_data(page):
    data = {}
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            data.update(block_form_data(field.stream_block, getattr(page, field.name), field.name))
    return data


def form_data_from(response, page):
    """The edit form as a browser posts it, for ``page`` (a page or a revision's object)."""
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update(stream_form_data(page))
    return data


def edit_form_data(client, page, **overrides):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    page = Page.objects.get(pk=page.pk).get_latest_revision_as_object()
    data = form_data_from(response, page)
    for key, value in overrides.items():
        data[key] = value
    return data


def two_revisions(page):
    """Save an older and a newer draft of ``page``; returns both revisions."""
    page = page.specific
    original_title = page.title
    first = page.save_revision()
    page.title = "Titre corrigé après relecture"
    second = page.save_revision()
    return original_title, first, second


# History, compare, restore


def test_history_lists_the_revisions(admin_client, news_fr):
    two_revisions(news_fr)
    response = admin_client.get(reverse("wagtailadmin_pages:history", args=[news_fr.pk]))
    assert response.status_code == 200
    assert reverse("wagtailadmin_pages:history", args=[news_fr.pk]) == (
        f"/admin/pages/{news_fr.pk}/history/"
    )
    assert news_fr.revisions.count() >= 2


def test_two_revisions_can_be_compared(admin_client, news_fr):
    original_title, first, second = two_revisions(news_fr)
    url = reverse("wagtailadmin_pages:revisions_compare", args=[news_fr.pk, first.pk, second.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Titre corrigé après relecture" in text
    # The live version can be compared with the latest draft as well.
    url = reverse("wagtailadmin_pages:revisions_compare", args=[news_fr.pk, "live", "latest"])
    assert admin_client.get(url).status_code == 200


def test_an_older_revision_can_be_restored(admin_client, news_fr):
    original_title, first, second = two_revisions(news_fr)
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[news_fr.pk, first.pk])
    response = admin_client.get(revert_url)
    data = form_data_from(response, first.as_object())
    assert data["title"] == original_title

    # Restoring = saving the form the revert view pre-filled: a new draft revision.
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[news_fr.pk]), data)
    assert response.status_code == 302
    latest = Page.objects.get(pk=news_fr.pk).get_latest_revision()
    assert latest.pk not in (first.pk, second.pk)
    assert latest.as_object().title == original_title


# Previews in both languages


def test_preview_of_the_french_edit_form(admin_client, news_fr):
    data = edit_form_data(admin_client, news_fr, title="Aperçu avant publication")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[news_fr.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert json.loads(response.content) == {"is_valid": True, "is_available": True}

    response = admin_client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    assert '<html lang="fr"' in text
    assert "Aperçu avant publication" in text


def test_preview_of_the_english_translation_editor(admin_client, news_fr, news_en):
    # A synchronised translation opens in wagtail-localize's editor, which has its own preview.
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[news_en.pk]))
    assert response.status_code == 200
    translation = Translation.objects.get(
        source__object_id=news_fr.translation_key, target_locale__language_code="en"
    )
    url = reverse("wagtail_localize:preview_translation", args=[translation.pk])
    assert url in response.content.decode()
    response = admin_client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    assert '<html lang="en"' in text
    assert news_en.title in text


@pytest.mark.parametrize("language", ["fr", "en"])
def test_draft_of_an_existing_page_can_be_viewed(admin_client, news_fr, news_en, language):
    page = news_fr if language == "fr" else news_en
    page.title = f"Brouillon ({language})"
    page.save_revision()
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert f'<html lang="{language}"' in text
    assert f"Brouillon ({language})" in text


# Locking


def test_a_page_can_be_locked_and_unlocked(admin_client, other_admin, client, news_fr):
    response = admin_client.post(reverse("wagtailadmin_pages:lock", args=[news_fr.pk]))
    assert response.status_code == 302
    page = Page.objects.get(pk=news_fr.pk)
    assert page.locked
    assert page.locked_by.username == "admin"

    # Someone else cannot save it while it is locked, and is told why, in French.
    client.force_login(other_admin)
    edit_url = reverse("wagtailadmin_pages:edit", args=[news_fr.pk])
    response = client.get(edit_url)
    assert response.status_code == 200
    assert "verrouill" in response.content.decode()
    data = edit_form_data(client, news_fr, title="Modification refusée")
    revisions = page.revisions.count()
    client.post(edit_url, data)
    assert page.revisions.count() == revisions

    response = client.post(reverse("wagtailadmin_pages:unlock", args=[news_fr.pk]))
    assert response.status_code == 302
    assert not Page.objects.get(pk=news_fr.pk).locked


# Two people editing the same page


def test_concurrent_editing_notice_is_enabled():
    # Wagtail pings every 10 s by default; the project must not turn it off.
    interval = getattr(settings, "WAGTAIL_EDITING_SESSION_PING_INTERVAL", 10000)
    assert interval and interval > 0
    try:
        reverse("wagtailadmin_editing_sessions:ping", args=["wagtailcore", "page", "1", 1])
    except NoReverseMatch:  # pragma: no cover
        pytest.fail("the editing sessions ping URL is not installed")


def test_each_editor_is_told_the_other_is_editing(admin_client, other_admin, client, news_fr):
    edit_url = reverse("wagtailadmin_pages:edit", args=[news_fr.pk])
    response = admin_client.get(edit_url)
    admin_session = EditingSession.objects.get(user__username="admin", object_id=str(news_fr.pk))
    ping_url = reverse(
        "wagtailadmin_editing_sessions:ping",
        args=["wagtailcore", "page", str(news_fr.pk), admin_session.pk],
    )
    assert ping_url in response.content.decode()

    client.force_login(other_admin)
    client.get(edit_url)
    other_session = EditingSession.objects.get(user=other_admin, object_id=str(news_fr.pk))
    other_ping_url = reverse(
        "wagtailadmin_editing_sessions:ping",
        args=["wagtailcore", "page", str(news_fr.pk), other_session.pk],
    )
    response = client.post(other_ping_url, {"is_editing": "1"})
    assert response.status_code == 200
    data = json.loads(response.content)
    assert [session["user"] for session in data["other_sessions"]] == ["admin"]

    response = admin_client.post(ping_url)
    data = json.loads(response.content)
    assert data["other_sessions"][0]["is_editing"] is True
    assert "a des modifications non enregistrées" in data["html"]


def test_an_editor_is_told_when_someone_else_saved_a_newer_version(
    admin_client, other_admin, client, news_fr
):
    edit_url = reverse("wagtailadmin_pages:edit", args=[news_fr.pk])
    response = admin_client.get(edit_url)
    opened = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    assert opened  # the form the first editor is working on
    session = EditingSession.objects.get(user__username="admin", object_id=str(news_fr.pk))
    revision = Page.objects.get(pk=news_fr.pk).get_latest_revision()

    # The other editor saves a new version in the meantime.
    client.force_login(other_admin)
    client.post(edit_url, edit_form_data(client, news_fr, title="Version de la relectrice"))
    assert Page.objects.get(pk=news_fr.pk).get_latest_revision().user == other_admin

    ping_url = reverse(
        "wagtailadmin_editing_sessions:ping",
        args=["wagtailcore", "page", str(news_fr.pk), session.pk],
    )
    response = admin_client.post(
        ping_url,
        {"revision_id": revision.pk, "revision_created_at": revision.created_at.isoformat()},
    )
    data = json.loads(response.content)
    assert data["other_sessions"][0]["user"] == "relectrice"
    assert data["other_sessions"][0]["revision_id"] is not None
    assert "a enregistré une nouvelle version" in data["html"]
