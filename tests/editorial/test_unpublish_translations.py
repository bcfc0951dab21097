"""Unpublishing or deleting a French page offers to do the same with its translations.

One confirmation, one POST: the checkbox « include_translations » of Wagtail's
confirmation pages (templates/wagtailadmin/pages/), acted on by
editorial/wagtail_hooks.py.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from tests.editorial.moderation_helpers import add_standard_page, make_role_users

pytestmark = pytest.mark.django_db


def english_translation(page, *, live=True):
    """The English translation of ``page`` as wagtail-localize creates it."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    english = Locale.objects.get(language_code="en")
    Translation.objects.create(source=source, target_locale=english).save_target(publish=False)
    translation = page.get_translation(english)
    if live:
        translation.get_latest_revision().publish()
    return Page.objects.get(pk=translation.pk).specific


@pytest.fixture
def moderator():
    return make_role_users()["moderator"]


@pytest.fixture
def pages():
    french = add_standard_page("Journée portes ouvertes")
    english = english_translation(french)
    english.title = "Open day"
    english.save_revision().publish()
    return french, Page.objects.get(pk=english.pk).specific


def live(page):
    return Page.objects.get(pk=page.pk).live


def checkbox(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.find("input", attrs={"name": "include_translations"})


def test_the_unpublish_confirmation_lists_the_english_translation(client, moderator, pages):
    french, english = pages
    client.force_login(moderator)
    response = client.get(reverse("wagtailadmin_pages:unpublish", args=(french.pk,)))
    assert response.status_code == 200
    box = checkbox(response)
    assert box is not None and box.has_attr("checked")
    fieldset = box.find_parent("fieldset")
    assert "Open day" in fieldset.get_text()
    assert "Dépublier aussi ces traductions" in fieldset.get_text()


def test_unpublishing_with_the_option_unpublishes_both(client, moderator, pages):
    french, english = pages
    client.force_login(moderator)
    response = client.post(
        reverse("wagtailadmin_pages:unpublish", args=(french.pk,)),
        {"include_translations": "on"},
    )
    assert response.status_code == 302
    assert not live(french)
    assert not live(english)


def test_unpublishing_without_the_option_unpublishes_only_the_french(client, moderator, pages):
    french, english = pages
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:unpublish", args=(french.pk,))
    assert checkbox(client.get(url)) is not None  # Offered, then unticked.
    response = client.post(url, {})
    assert response.status_code == 302
    assert not live(french)
    assert live(english)


def test_only_the_french_page_offers_to_cascade(client, moderator, pages):
    french, english = pages
    client.force_login(moderator)
    assert checkbox(client.get(reverse("wagtailadmin_pages:unpublish", args=(french.pk,))))
    url = reverse("wagtailadmin_pages:unpublish", args=(english.pk,))
    assert checkbox(client.get(url)) is None
    client.post(url, {"include_translations": "on"})
    assert not live(english)
    assert live(french)


def test_the_delete_confirmation_lists_the_translation_unticked(client, moderator, pages):
    french, english = pages
    client.force_login(moderator)
    response = client.get(reverse("wagtailadmin_pages:delete", args=(french.pk,)))
    assert response.status_code == 200
    box = checkbox(response)
    assert box is not None and not box.has_attr("checked")
    # Inside the form that is posted.
    delete_url = reverse("wagtailadmin_pages:delete", args=(french.pk,))
    assert box.find_parent("form")["action"] == delete_url
    assert "Open day" in box.find_parent("fieldset").get_text()


def test_deleting_with_the_option_deletes_both(client, moderator, pages):
    french, english = pages
    client.force_login(moderator)
    response = client.post(
        reverse("wagtailadmin_pages:delete", args=(french.pk,)), {"include_translations": "on"}
    )
    assert response.status_code == 302
    assert not Page.objects.filter(pk__in=[french.pk, english.pk]).exists()


def test_deleting_without_the_option_keeps_the_english(client, moderator, pages):
    french, english = pages
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:delete", args=(french.pk,))
    assert checkbox(client.get(url)) is not None  # Offered, then unticked.
    response = client.post(url, {})
    assert response.status_code == 302
    assert not Page.objects.filter(pk=french.pk).exists()
    assert live(english)


def test_a_translation_the_user_may_not_delete_is_kept(client, pages):
    """An editor may delete their never-published French draft, not a live English page."""
    editor = make_role_users()["editor"]
    french = add_standard_page("Brouillon de la rédaction", live=False, owner=editor)
    english = english_translation(french)
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:delete", args=(french.pk,)),
        {"include_translations": "on"},
        follow=True,
    )
    assert response.status_code == 200
    assert not Page.objects.filter(pk=french.pk).exists()
    assert live(english)
    [warning] = [m for m in response.context["messages"] if m.level_tag == "warning"]
    assert "avez pas le droit de modifier ces traductions" in str(warning)
    assert english.title in str(warning)
