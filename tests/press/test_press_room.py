"""The press room as a journalist sees it, in both languages: releases, contacts, press kit."""

import re

import pytest
from bs4 import BeautifulSoup
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from content.press import PRESS_ROOM
from home.models import HomePage
from news.models import PressContact
from press.models import PRESS_RELEASE_COUNT, PressRoomContact, PressRoomPage
from tests.factories import make_document
from tests.home import shipped
from tests.news.helpers import add_news, news_index
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

URLS = shipped.urls(PRESS_ROOM)
RELEASES = {"fr": "communique-de-presse", "en": "press-release"}


def press_room(code):
    return PressRoomPage.objects.get(locale__language_code=code)


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def card_titles(page_soup):
    return [link.get_text(strip=True) for link in page_soup.select("main .card__link")]


@pytest.mark.parametrize(
    ("code", "title"), [("fr", PRESS_ROOM.title.fr), ("en", PRESS_ROOM.title.en)]
)
def test_press_room_renders_in_both_languages_without_invented_content(client, code, title):
    page_soup = soup(client, URLS[code])
    assert page_soup.find("h1").get_text(strip=True) == title
    assert page_soup.find("html")["lang"] == code
    main = page_soup.find("main")
    # The loaded content has no press release, no contact and no document.
    assert len(main.select("h2")) == 2  # press releases, press kit: no contacts section
    assert not main.select(".card")
    assert not main.select(".press-contact")
    assert not main.select(".document")


def test_empty_sections_say_so(client):
    text = soup(client, URLS["fr"]).find("main").get_text(" ", strip=True)
    assert "Aucun communiqué de presse pour le moment." in text
    assert "Aucun document pour le moment." in text


def test_press_room_chooses_the_press_release_category_of_its_language():
    for code in ("fr", "en"):
        page = press_room(code)
        assert page.live
        assert page.show_in_menus
        assert page.get_parent().specific_class is HomePage
        assert page.press_release_category.locale.language_code == code
        assert page.press_release_category.slug == RELEASES[code]


def test_press_room_edit_form_opens_in_both_languages(admin_client):
    for code in ("fr", "en"):
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[press_room(code).pk]))
        assert response.status_code == 200
    html = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[press_room("fr").pk])
    ).content.decode()
    for label in ("Catégorie des communiqués de presse", "Contacts presse", "Dossier de presse"):
        assert label in html


def test_only_one_press_room_per_language_home():
    home = HomePage.objects.get(locale__language_code="fr")
    assert not PressRoomPage.can_create_at(home)
    assert PressRoomPage.allowed_parent_page_models() == [HomePage]


@pytest.mark.parametrize(("code", "other"), [("fr", "en"), ("en", "fr")])
def test_lists_the_press_releases_of_its_language_only_with_a_link_to_all(client, code, other):
    add_news(2, code, category_slug=RELEASES[code], prefix="Communiqué")
    add_news(1, other, category_slug=RELEASES[other], prefix="Ailleurs")
    add_news(1, code, category_slug={"fr": "actualite", "en": "news"}[code], prefix="Brève")

    page_soup = soup(client, URLS[code])
    # Newest first, the other language's release and the ordinary news item left out.
    assert card_titles(page_soup) == ["Communiqué 1", "Communiqué 0"]
    all_link = next(
        link
        for link in page_soup.select("main a")
        if link["href"].endswith(f"?category={RELEASES[code]}")
    )
    assert all_link["href"] == f"{news_index(code).url}?category={RELEASES[code]}"
    # The link opens the news index filtered on press releases.
    assert card_titles(soup(client, all_link["href"])) == ["Communiqué 1", "Communiqué 0"]


def test_shows_the_latest_press_releases_only():
    add_news(PRESS_RELEASE_COUNT + 2, "fr", category_slug=RELEASES["fr"], prefix="Communiqué")
    titles = [page.title for page in press_room("fr").press_releases()]
    assert titles == [f"Communiqué {n}" for n in range(PRESS_RELEASE_COUNT + 1, 1, -1)]


def test_media_contacts_show_in_the_visitors_language(client):
    fr, en = Locale.objects.get(language_code="fr"), Locale.objects.get(language_code="en")
    contact = PressContact.objects.create(
        locale=fr,
        name="Camille Martin",
        role="Relations presse",
        email="presse@example.org",
        phone="+33 1 23 45 67 89",
    )
    english = contact.copy_for_translation(en)
    english.role = "Media relations"
    english.save()
    untranslated = PressContact.objects.create(locale=fr, name="Dominique Petit")
    # As wagtail-localize copies them (next test): the English page's rows point at the
    # French contacts, like the French page's.
    for code in ("fr", "en"):
        page = press_room(code)
        PressRoomContact.objects.create(page=page, contact=contact, sort_order=0)
        PressRoomContact.objects.create(page=page, contact=untranslated, sort_order=1)

    fr_box = soup(client, URLS["fr"]).select("main .press-contact")
    assert [box.get_text(" ", strip=True) for box in fr_box] == [
        "Camille Martin , Relations presse presse@example.org +33 1 23 45 67 89",
        "Dominique Petit",
    ]
    assert fr_box[0].select_one('a[href="tel:+33123456789"]')
    assert fr_box[0].select_one('a[href="mailto:presse@example.org"]')

    en_soup = soup(client, URLS["en"])
    assert en_soup.find("h2", string="Press contacts")
    en_box = en_soup.select("main .press-contact")
    # In English: the English version; a contact without one is left out.
    assert [box.get_text(" ", strip=True) for box in en_box] == [
        "Camille Martin , Media relations presse@example.org +33 1 23 45 67 89"
    ]


def test_press_kit_documents_show_their_format_and_size(client):
    document = make_document("Dossier de presse 2026")
    document._set_document_file_metadata()  # what an upload in the admin does
    document.save()
    page = press_room("fr")
    page.press_kit = [("document", {"document": document, "title": ""})]
    page.save_revision().publish()

    link = soup(client, URLS["fr"]).select_one("main .document a")
    assert link["href"] == document.url
    text = link.get_text(" ", strip=True)
    assert text.startswith("Dossier de presse 2026")
    assert re.search(r"\(PDF, \d+[\s\u00a0]octets\)", text), text


def test_press_room_adds_no_query_per_press_release(client):
    fr = add_news(5, "fr", category_slug=RELEASES["fr"], prefix="Communiqué")
    assert len(press_room("fr").press_releases()) == len(fr) == 5
    five = count_queries(client, URLS["fr"])
    add_news(10, "fr", category_slug=RELEASES["fr"], prefix="Autre")
    assert len(press_room("fr").press_releases()) == PRESS_RELEASE_COUNT
    assert count_queries(client, URLS["fr"]) == five


def test_contacts_follow_a_wagtail_localize_sync_of_the_press_room(client):
    fr, en = Locale.objects.get(language_code="fr"), Locale.objects.get(language_code="en")
    contact = PressContact.objects.create(locale=fr, name="Camille Martin", role="Attachée")
    english = contact.copy_for_translation(en)
    english.role = "Press officer"
    english.save()
    page = press_room("fr")
    page.media_contacts = [PressRoomContact(contact=contact)]
    page.save_revision().publish()
    source, _ = TranslationSource.update_or_create_from_instance(page)
    # wagtail-localize publishes on commit; until then the live English stays as it was
    # (editorial/live_status.py).
    with TestCase.captureOnCommitCallbacks(execute=True):
        source.create_or_update_translation(en, publish=True, fallback=True)

    assert press_room("en").media_contacts.count() == 1
    boxes = soup(client, URLS["en"]).select("main .press-contact")
    assert [box.get_text(" ", strip=True) for box in boxes] == ["Camille Martin , Press officer"]
