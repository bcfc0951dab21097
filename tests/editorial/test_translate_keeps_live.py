"""Translating never changes what is live (issue 12, point 2).

With WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False, wagtail-localize
saved every English object it synced as a draft, switching live English
snippets off and writing the draft into live pages. Each test makes an English
object live, translates or syncs the French through wagtail-localize's own
view or operation, and checks what visitors get is unchanged, while the synced
content waits as a draft.
"""

from contextlib import contextmanager
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models.signals import post_save
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import TranslationLog, TranslationSource
from wagtail_localize.operations import translate_object

from editorial.live_status import keep_live_after_translation
from navigation.models import Footer
from news.models import NewsCategory, NewsIndexPage, NewsPage, PressContact
from partners.models import Partner
from tests.editorial.moderation_helpers import add_standard_page, make_user

pytestmark = pytest.mark.django_db


def locale(code):
    return Locale.objects.get(language_code=code)


@pytest.fixture(autouse=True)
def french_language():
    """Commands print in the active language; English pages requested here must not leak it."""
    with translation.override("fr"):
        yield


@pytest.fixture
def admin_client(client):
    client.force_login(make_user("admin", superuser=True))
    return client


def english(obj):
    """The English translation of ``obj``, fresh from the database."""
    return type(obj).objects.get(translation_key=obj.translation_key, locale=locale("en"))


def french_article(title, **fields):
    """A live French article under the French news list."""
    index = NewsIndexPage.objects.get(locale=locale("fr"))
    article = NewsPage(title=title, standfirst="Un chapô de deux phrases.", **fields)
    index.add_child(instance=article)
    article.save_revision().publish()
    return NewsPage.objects.get(pk=article.pk)


def submit_translation(client, page):
    """« Traduire » in the admin: wagtail-localize's submit view, into English."""
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale("en").pk]},
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def published_pair(model, french_fields, english_fields):
    """A live French snippet and its live English translation, made as the admin would."""
    french = model(locale=locale("fr"), **french_fields)
    french.save()
    french.save_revision().publish()
    translation = french.copy_for_translation(locale("en"))
    for name, value in english_fields.items():
        setattr(translation, name, value)
    translation.live = False
    translation.save()
    translation.save_revision().publish()
    return model.objects.get(pk=french.pk), model.objects.get(pk=translation.pk)


def change_french(obj, **fields):
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save_revision().publish()
    return type(obj).objects.get(pk=obj.pk)


def assert_kept_live(obj, **live_fields):
    """Live, with its live content, and the synced content saved as a newer draft."""
    obj.refresh_from_db()
    assert obj.live
    assert obj.live_revision_id is not None
    for name, value in live_fields.items():
        assert getattr(obj, name) == value
    assert obj.has_unpublished_changes
    assert obj.latest_revision_id != obj.live_revision_id
    assert TranslationLog.objects.filter(revision_id=obj.latest_revision_id).exists()


@contextmanager
def without_fix():
    """The site as it was before the fix: wagtail-localize alone."""
    uid = "editorial.keep_live_after_translation"
    post_save.disconnect(sender=TranslationLog, dispatch_uid=uid)
    try:
        yield
    finally:
        post_save.connect(keep_live_after_translation, sender=TranslationLog, dispatch_uid=uid)


# Category "Event": the case reported.


def test_translating_an_event_article_keeps_english_event_category_live(admin_client):
    evenement = NewsCategory.objects.get(locale=locale("fr"), slug="evenement")
    event = english(evenement)
    assert event.live and event.slug == "event"
    article = french_article("Une conférence au campus", category=evenement)

    submit_translation(admin_client, article)

    assert_kept_live(event, name="Event", slug="event")
    # The new English article stays a draft: the draft-first behaviour is kept.
    assert not english(article).live
    for path in ("/en/news/rss/event/", "/en/news/atom/event/", "/en/news/?category=event"):
        assert admin_client.get(path).status_code == 200, path
    listing = admin_client.get("/en/news/").content.decode()
    assert '<option value="event"' in listing


def test_renamed_french_category_synced_then_translated_keeps_english_name(admin_client):
    """« Mettre à jour les traductions » then « Traduire »: no French text goes live in English."""
    evenement = NewsCategory.objects.get(locale=locale("fr"), slug="evenement")
    event = english(evenement)
    source, _created = TranslationSource.get_or_create_from_instance(evenement)
    change_french(evenement, name="Événement du campus")
    response = admin_client.post(reverse("wagtail_localize:update_translations", args=[source.pk]))
    assert response.status_code == 302
    source.refresh_from_db()
    assert "Événement du campus" in str(source.export_po())

    submit_translation(admin_client, french_article("Un colloque", category=evenement))

    assert_kept_live(event, name="Event", slug="event")
    assert admin_client.get("/en/news/rss/event/").status_code == 200


# Press contact, partner, footer: the same mechanism.


def test_translating_an_article_keeps_its_english_press_contact_live(admin_client):
    french, contact = published_pair(
        PressContact,
        {"name": "Camille Martin", "role": "Chargée de presse", "email": "presse@example.org"},
        {"role": "Press officer"},
    )
    change_french(french, role="Responsable presse")
    article = french_article("Un communiqué", press_contact=french)

    submit_translation(admin_client, article)

    assert_kept_live(contact, role="Press officer")


def test_syncing_a_partner_keeps_the_english_partner_live():
    # Articles cite partners without syncing them (a synchronised child relation):
    # a partner is synced on its own, through the same operation as the submit view.
    partner = Partner.objects.filter(locale=locale("fr"), live=True).first()
    english_partner = english(partner)
    english_name = english_partner.name
    change_french(partner, name=f"{partner.name} (nouveau nom)")

    translate_object(partner, [locale("en")])

    assert_kept_live(english_partner, name=english_name)


def test_syncing_the_footer_keeps_the_english_footer_live():
    french = Footer.objects.get(locale=locale("fr"))
    footer = english(french)
    live_address = footer.address
    change_french(french, address="1 rue du Campus\n75015 Paris")

    translate_object(french, [locale("en")])

    assert_kept_live(footer, address=live_address)


# Pages: live stays live, with the live content.


def test_syncing_a_page_keeps_the_english_page_and_its_live_content(admin_client):
    french = add_standard_page("Page à traduire")
    translate_object(french, [locale("en")])
    page = english(french)
    page.title = "Page to translate"
    page.save_revision().publish()
    change_french(french, title="Page à traduire, nouvelle version")

    translate_object(french, [locale("en")])

    assert_kept_live(page, title="Page to translate")
    response = admin_client.get(page.url)
    assert response.status_code == 200
    assert "Page to translate" in response.content.decode()
    assert "nouvelle version" not in response.content.decode()


# The repair of a site hit before the fix.


def test_repair_translations_republishes_what_the_sync_switched_off(admin_client):
    evenement = NewsCategory.objects.get(locale=locale("fr"), slug="evenement")
    event = english(evenement)
    french_contact, contact = published_pair(
        PressContact, {"name": "Camille Martin"}, {"role": "Press officer"}
    )
    with without_fix():
        translate_object(evenement, [locale("en")])
        translate_object(french_contact, [locale("en")])
    event.refresh_from_db()
    assert not event.live  # the site as it was hit
    assert admin_client.get("/en/news/rss/event/").status_code == 404

    def repair(*args):
        out = StringIO()
        # As on a server: the site's language, French (the requests above switched to English).
        with translation.override("fr"):
            call_command("repair_translations", *args, stdout=out)
        return out.getvalue()

    dry = repair("--dry-run")
    event.refresh_from_db()
    assert not event.live
    assert "À republier : catégorie d'actualité « Event » (en)" in dry

    lines = repair().splitlines()
    assert any("« Event »" in line and "(en)" in line for line in lines)
    assert any("« Camille Martin »" in line for line in lines)
    assert "2 contenus republiés." in lines[-1]
    assert_kept_live(event, name="Event")
    assert_kept_live(contact, role="Press officer")
    assert admin_client.get("/en/news/rss/event/").status_code == 200

    assert repair().strip() == "Aucun contenu à réparer."
