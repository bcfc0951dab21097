"""The admin reads in French: the main views, as a superuser and as a *Rédaction* editor.

Each view is rendered in French and its visible text (with the labels screen readers
read: ``aria-label``, ``title``, ``placeholder``, ``alt``) and wagtail-localize's
translation editor props (JSON, rendered by React) are searched for the English
words and broken French forms staff reported. Third-party strings missing from
Wagtail's, wagtail-localize's and allauth's French catalogues are translated in
``locale/overrides/`` (see scripts/catalogues.py).
"""

import json
import re
from pathlib import Path

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from editorial.roles import EDITORS_GROUP
from images.forms import INVALID_IMAGE
from images.models import CampusImage
from navigation.models import Footer
from news.models import NewsCategory, NewsIndexPage, NewsPage, PressContact
from partners.models import Partner
from tests.accounts.helpers import activate_totp, sign_in
from tests.editorial.moderation_helpers import make_user

pytestmark = pytest.mark.django_db

# Whole words, case-sensitive: English that must not be in the French admin.
ENGLISH_WORDS = [
    "Locale",
    "Locales",
    "More actions",
    "Translation",
    "translation",
    "Translate",
    "Translated",
    "Delete",
    "Save",
    "Publish",
    "Kind",
    "Sync",
    "Edit",
    "Preview",
    "Cancel",
    "Status",
    "None",
    "Any",
    "True",
    "False",
    "Enabled",
    "English",
    "Title",
    "Add",
    "Upload",
    "Recovery Codes",
    "Two-Factor",
    "Download",
    "Generate",
    # wagtail-localize formats dates with strftime("%B"): English month names.
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# French as Wagtail's, wagtail-localize's and allauth's catalogues broke it.
BROKEN_FRENCH = [
    "Publier dans" + "English",
    "dansEnglish",
    "Publier dansAnglais",
    "Français to English",
    "Utiliser la version Français",
    "Utiliser la version Anglais",
    "Régions",
    "Pages crées",
    "Image créé",
    "Document créé",
    "Nouveau: ",
    "extraits",
    "Extraits",
    "Historique du Site",
    "Guide du redacteur",
    "Ce qui est nouveau",
]
ENGLISH_PATTERN = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(word) for word in ENGLISH_WORDS) + r")(?![\w-])"
)
# « PariSanté Campus (English) »: the admin names each page tree in its own language
# (home/models.py, news/wagtail_hooks.py), as the public language switcher does.
OWN_LANGUAGE_NAME = re.compile(r"\((English|français)\)")
READ_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "data-w-tooltip-content-value")


def readable_text(html):
    """What a French editor reads or hears on the page (scripts, styles and SVG excluded)."""
    soup = BeautifulSoup(html, "html.parser")
    props = [
        json.loads(element["data-props"])
        for element in soup.select("[data-props]")
        if element.get("data-props", "").startswith("{")
    ]
    # The sidebar is drawn by React from JSON: its labels are read too.
    sidebar = soup.select_one("#wagtail-sidebar-props")
    if sidebar is not None:
        props.append(sidebar_labels(json.loads(sidebar.string)))
    # The admin's language preference names each language in its own language.
    for element in soup.select("select[name$=preferred_language] option"):
        element.decompose()
    # Elements hidden until JavaScript shows them (tab panels, side panels, dropdowns,
    # dialogs) are read as well, but not the counters it has not filled in yet.
    for element in soup.select("[hidden][data-side-panel-toggle-counter]"):
        element.decompose()
    for element in soup(["script", "style", "svg", "template", "noscript"]):
        if element.name == "template":
            # <template> holds markup shown later (upload rows, dialogs): read it too.
            element.replace_with(BeautifulSoup(element.decode_contents(), "html.parser"))
        else:
            element.decompose()
    parts = [soup.get_text(" ", strip=True)]
    for element in soup.find_all(True):
        parts.extend(str(element[name]) for name in READ_ATTRIBUTES if element.get(name))
    parts.extend(strings_in(p) for p in props)
    return OWN_LANGUAGE_NAME.sub("", "\n".join(parts))


def sidebar_labels(value):
    """The menu labels and footers of the sidebar's props, as a list of strings."""
    if isinstance(value, dict):
        found = [value[key] for key in ("label", "footer_text") if isinstance(value.get(key), str)]
        return found + [text for item in value.values() for text in sidebar_labels(item)]
    if isinstance(value, list):
        return [text for item in value for text in sidebar_labels(item)]
    return []


def strings_in(value):
    """The strings of wagtail-localize's editor props a person reads (not data)."""
    if isinstance(value, dict):
        return "\n".join(
            strings_in(item) for key, item in value.items() if key not in SKIPPED_PROP_KEYS
        )
    if isinstance(value, list):
        return "\n".join(strings_in(item) for item in value)
    return value if isinstance(value, str) else ""


# Content, URLs and identifiers of the translation editor's props, not interface text.
SKIPPED_PROP_KEYS = {
    "segments",
    "initialStringTranslations",
    "initialOverrides",
    "tabs",
    "links",
    "url",
    "editUrl",
    "previewModes",
    "sourceLocale",
    "locale",
    "locales",
    "object",
    "breadcrumb",
    "user",
    "perms",
}


def english_in(html):
    text = readable_text(html)
    found = sorted(set(ENGLISH_PATTERN.findall(text)))
    found += [form for form in BROKEN_FRENCH if form in text]
    return found


def french_news_page():
    return NewsPage.objects.filter(locale__language_code="fr").live().first()


def english_news_page():
    """The English version of the French article, as wagtail-localize's « Traduire » makes it.

    Its editor is then wagtail-localize's translation editor, with one string translated
    by hand (whose comment says how and when).
    """
    french = french_news_page()
    english = Locale.objects.get(language_code="en")
    source, _created = TranslationSource.update_or_create_from_instance(french)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=english)
    segment = StringSegment.objects.filter(source=source).first()
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=english,
        context=segment.context,
        defaults={"data": "A translated string", "translation_type": "manual"},
    )
    translation.save_target()
    return french.get_translation(english)


def press_contact():
    """A French press contact and its English translation (the content has none)."""
    french = PressContact.objects.create(
        locale=Locale.objects.get(language_code="fr"), name="Camille Martin", role="Attachée"
    )
    french.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(french)
    source.create_or_update_translation(Locale.objects.get(language_code="en"), fallback=True)
    return french


def snippet_urls(model):
    french = model.objects.filter(locale__language_code="fr").first()
    if french is None and model is PressContact:
        french = press_contact()
    english = (
        model.objects.filter(translation_key=french.translation_key).exclude(pk=french.pk).first()
    )
    urls = [reverse(model.snippet_viewset.get_url_name("list"))]
    urls.append(reverse(model.snippet_viewset.get_url_name("edit"), args=[french.pk]))
    if english is not None:
        urls.append(reverse(model.snippet_viewset.get_url_name("edit"), args=[english.pk]))
    return urls


def admin_urls():
    fr_home = Page.objects.get(depth=2, locale__language_code="fr")
    en_home = Page.objects.get(depth=2, locale__language_code="en")
    news_index = NewsIndexPage.objects.get(locale__language_code="fr")
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[fr_home.pk]),
        reverse("wagtailadmin_explore", args=[en_home.pk]),
        reverse("wagtailadmin_explore", args=[news_index.pk]),
        reverse("wagtailadmin_pages:edit", args=[french_news_page().pk]),
        # wagtail-localize's translation editor (its React props are read too).
        reverse("wagtailadmin_pages:edit", args=[english_news_page().pk]),
        reverse("wagtailadmin_pages:edit", args=[fr_home.pk]),
        reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk]),
        reverse("wagtailadmin_pages:history", args=[french_news_page().pk]),
        reverse("wagtailadmin_pages:search") + "?q=campus",
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add"),
        reverse("wagtaildocs:add_multiple"),
        reverse("editorial_translations"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("wagtailadmin_account"),
    ]
    image = CampusImage.objects.first()
    if image is not None:
        urls.append(reverse("wagtailimages:edit", args=[image.pk]))
    document = Document.objects.first()
    if document is not None:
        urls.append(reverse("wagtaildocs:edit", args=[document.pk]))
    for model in (NewsCategory, PressContact, Partner, Footer):
        urls.extend(snippet_urls(model))
    return urls


def superuser_only_urls():
    # Not the locale's edit form: wagtail-localize's « Enabled » and « Sync from »
    # labels are not marked for translation, no catalogue can reach them.
    return [
        reverse("wagtaillocales:index"),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtailadmin_workflows:task_index"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailsites:index"),
    ]


def english_on_mfa_pages(client, user):
    """The two-factor pages of someone signed in, before and after setting up an authenticator."""
    before = (reverse("mfa_index"), reverse("mfa_activate_totp"))
    found = {url: english_in(render(client, url)) for url in before}
    activate_totp(user)
    RecoveryCodes.activate(user)
    for url in (
        reverse("mfa_index"),
        reverse("mfa_view_recovery_codes"),
        reverse("mfa_generate_recovery_codes"),
        reverse("mfa_deactivate_totp"),
    ):
        found[url + " (2FA)"] = english_in(render(client, url))
    return found


def render(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("role", ["superuser", "editor"])
def test_the_main_admin_views_read_in_french(client, role):
    if role == "superuser":
        user = make_user("admin", superuser=True)
        urls = admin_urls() + superuser_only_urls()
    else:
        user = make_user("redactrice", EDITORS_GROUP)
        urls = admin_urls()
    assert sign_in(client, user.username).status_code == 302
    with translation.override("fr"):
        found = {url: english_in(render(client, url)) for url in urls}
        found.update(english_on_mfa_pages(client, user))
    assert {url: words for url, words in found.items() if words} == {}


def test_the_english_admin_names_the_category_and_the_languages_in_english(client):
    user = make_user("editor", EDITORS_GROUP, language="en")
    assert sign_in(client, user.username).status_code == 302
    edit = readable_text(
        render(client, reverse("wagtailadmin_pages:edit", args=[french_news_page().pk]))
    )
    assert "Category" in edit
    assert not re.search(r"\bKind\b", edit)
    # The content languages, in the admin's language (WAGTAIL_CONTENT_LANGUAGES).
    assert "French" in edit
    assert "Français" not in edit and "Anglais" not in edit


def test_a_refused_upload_shows_only_why_the_file_was_refused(client):
    """The multiple upload's alt-text reminder is hidden on the rows of refused files."""
    user = make_user("redactrice", EDITORS_GROUP)
    assert sign_in(client, user.username).status_code == 302
    page = BeautifulSoup(render(client, reverse("wagtailimages:add_multiple")), "html.parser")
    reminder = page.select_one("#upload-list-item").decode_contents()
    assert 'class="error-message"' in reminder
    sheets = [link["href"] for link in page.select("link[rel=stylesheet]")]
    sheet = next(href for href in sheets if href.endswith("multiple-upload.css"))
    css = Path(finders.find(sheet.removeprefix(settings.STATIC_URL))).read_text()
    rules = re.sub(r"\s+", " ", re.sub(r"/\*.*?\*/", "", css, flags=re.S))
    assert (
        ".upload-list .upload-failure .error-message, "
        ".upload-list .upload-server-error .error-message { display: none; }"
    ) in rules

    # And the refusal itself says why, with no word about the description.
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("photo.jpg", b"not an image", "image/jpeg")},
    )
    assert response.status_code == 200
    refusal = response.json()
    assert refusal["success"] is False
    assert refusal["error_message"] == str(INVALID_IMAGE)


def test_the_recovery_code_links_are_listed_apart(client):
    user = make_user("redactrice", EDITORS_GROUP)
    assert sign_in(client, user.username).status_code == 302
    activate_totp(user)
    RecoveryCodes.activate(user)
    with translation.override("fr"):
        page = BeautifulSoup(render(client, reverse("mfa_view_recovery_codes")), "html.parser")
    links = page.select("main li > a")
    assert [link.get_text(strip=True) for link in links] == [
        "Télécharger les codes",
        "Générer de nouveaux codes",
    ]
    assert len({link.find_parent("ul") for link in links}) == 1
