"""Legal and institutional pages, seeded in both languages, and the footer that links to them."""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from content.legal import ACCESSIBILITY, LEGAL_PAGES
from home.models import HomePage
from navigation.models import AccessibilityStatus, Footer

pytestmark = pytest.mark.django_db

URLS = {
    "legal-notice": ("/fr/mentions-legales/", "/en/legal-notice/"),
    "personal-data": ("/fr/donnees-personnelles/", "/en/personal-data/"),
    "accessibility": ("/fr/accessibilite/", "/en/accessibility/"),
    "site-map": ("/fr/plan-du-site/", "/en/site-map/"),
}


def page_of(spec, code):
    return Page.objects.get(translation_key=spec.translation_key, locale__language_code=code)


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def text_of(client, url):
    main = soup_of(client, url).find("main")
    return main.get_text(" ", strip=True).replace("\u00a0", " ")


@pytest.mark.parametrize("spec", LEGAL_PAGES, ids=lambda spec: spec.name)
def test_legal_pages_exist_in_both_languages_under_each_home_outside_the_menu(client, spec):
    for index, code in enumerate(("fr", "en")):
        page = page_of(spec, code)
        assert page.live and not page.show_in_menus
        assert isinstance(page.get_parent().specific, HomePage)
        assert page.url == URLS[spec.name][index]
        assert soup_of(client, page.url).find("h1").get_text(strip=True) == page.title


@pytest.mark.parametrize("code", ["fr", "en"])
def test_footer_states_the_accessibility_status_and_links_to_the_legal_pages(client, code):
    index = 0 if code == "fr" else 1
    footer = soup_of(client, f"/{code}/").find("footer", class_="site-footer")
    legal = footer.find("ul", class_="legal-links")
    links = [(a["href"], a.get_text(" ", strip=True)) for a in legal.find_all("a")]
    assert [href for href, _text in links] == [
        URLS["accessibility"][index],
        URLS["legal-notice"][index],
        URLS["personal-data"][index],
        URLS["site-map"][index],
    ]
    if code == "fr":
        assert links[0][1].replace("\u00a0", " ") == "Accessibilité : non conforme"
        assert [text for _href, text in links[1:]] == [
            "Mentions légales",
            "Données personnelles",
            "Plan du site",
        ]
    else:
        assert [text for _href, text in links[1:]] == ["Legal notice", "Personal data", "Site map"]


def test_footer_status_is_the_statement_status_and_editors_can_change_it(client):
    footer = Footer.objects.get(locale__language_code="fr")
    assert footer.accessibility_status == AccessibilityStatus.NON_COMPLIANT
    statement = text_of(client, "/fr/accessibilite/")
    assert "est non conforme avec le référentiel général" in statement
    footer.accessibility_status = AccessibilityStatus.PARTIALLY_COMPLIANT
    footer.save_revision().publish()
    legal = soup_of(client, "/fr/").find("ul", class_="legal-links")
    first = legal.find("a").get_text(" ", strip=True).replace("\u00a0", " ")
    assert first == "Accessibilité : partiellement conforme"


def test_footer_without_statement_still_states_the_status(client):
    footer = Footer.objects.get(locale__language_code="fr")
    footer.accessibility_page = None
    footer.save_revision().publish()
    legal = soup_of(client, "/fr/").find("ul", class_="legal-links")
    first = legal.find("li")
    assert first.find("a") is None
    assert first.get_text(" ", strip=True).replace("\u00a0", " ") == "Accessibilité : non conforme"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (
            "fr",
            [
                "État de conformité",
                "non conforme avec le référentiel général d'amélioration de l'accessibilité "
                "(RGAA), version 4.1",
                "Aucun audit de conformité n'a encore été réalisé",
                "axe-core",
                "Contenus non accessibles",
                "Cette déclaration a été établie le 29 novembre 2026.",
                "Retour d'information et contact",
                "Voies de recours",
                "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07",
                "délégué du Défenseur des droits",
                "formulaire en ligne",
            ],
        ),
        (
            "en",
            [
                "Compliance status",
                "non-compliant with the French accessibility standard",
                "No compliance audit has been carried out yet",
                "axe-core",
                "Inaccessible content",
                "This statement was drawn up on 29 November 2026.",
                "Feedback and contact",
                "Remedies",
                "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07",
                "Défenseur des droits delegate",
                "online form",
            ],
        ),
    ],
)
def test_accessibility_statement_follows_the_rgaa_model(client, code, expected):
    page = page_of(ACCESSIBILITY, code)
    text = text_of(client, page.url)
    for fragment in expected:
        assert fragment in text, fragment
    # No rate without an audit.
    assert not re.search(r"\d+\s?%", text)
    # The contact mechanism: a link to the contact page of the same language.
    contact = Page.objects.get(url_path__endswith="/contact-et-acces/").get_translation(page.locale)
    main = soup_of(client, page.url).find("main")
    assert main.find("a", href=contact.url)


@pytest.mark.parametrize("code", ["fr", "en"])
def test_legal_notice_names_the_publisher_and_director_and_invents_nothing(client, code):
    text = text_of(client, URLS["legal-notice"][0 if code == "fr" else 1])
    assert "PariSanté Campus" in text
    assert "GIS" in text
    assert "Antoine Tesnière" in text
    assert "Oradour-sur-Glane" in text
    # No e-mail address, telephone number or street number the fact sheet does not give.
    assert "@" not in text
    assert not re.search(r"\+33|\b0\d( ?\d\d){4}\b", text)
    assert not re.search(r"\d+,? rue d'Oradour", text, re.IGNORECASE)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/fr/donnees-personnelles/", ["aucun cookie", "journal technique", "CNIL", "RGPD"]),
        ("/en/personal-data/", ["no cookie", "technical log", "CNIL", "GDPR"]),
    ],
)
def test_personal_data_page_covers_cookies_logs_rights_and_the_cnil(client, url, expected):
    text = text_of(client, url)
    for fragment in expected:
        assert fragment in text, fragment


def test_footer_links_to_no_draft_and_falls_back_to_the_french_page(client):
    from content.legal import LEGAL_NOTICE, PERSONAL_DATA

    page_of(LEGAL_NOTICE, "en").unpublish()
    for code in ("fr", "en"):
        page_of(PERSONAL_DATA, code).unpublish()
    legal = soup_of(client, "/en/").find("ul", class_="legal-links")
    hrefs = [a["href"] for a in legal.find_all("a")]
    assert hrefs == ["/en/accessibility/", "/fr/mentions-legales/", "/en/site-map/"]
