import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from content.partners import FOUNDING_MEMBERS
from partners.models import Partner, PartnersPage
from tests.factories import make_image

pytestmark = pytest.mark.django_db


def get(client, language):
    page = PartnersPage.objects.get(locale__language_code=language)
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find("main")


# The group headings are the labels of Partner.Kind (the site's wording, not shipped content).
@pytest.mark.parametrize(
    ("language", "first_group"), [("fr", "Membres fondateurs"), ("en", "Founding members")]
)
def test_partners_grouped_by_kind_founders_first(client, language, first_group):
    main = get(client, language)
    groups = [h2.get_text(strip=True) for h2 in main.find_all("h2")]
    assert groups[0].startswith(first_group[:-1])
    text = main.get_text(" ", strip=True)
    for spec in FOUNDING_MEMBERS:
        assert getattr(spec.fields["name"], language) in text
        assert getattr(spec.fields["acronym"], language) in text


def test_partner_without_logo_gets_a_typographic_badge_never_an_image(client):
    main = get(client, "fr")
    inserm = Partner.objects.get(locale__language_code="fr", acronym="Inserm")
    assert inserm.logo is None
    badges = [badge.get_text(" ", strip=True) for badge in main.select(".partner-tile--badge")]
    assert any(badge.startswith("Inserm") for badge in badges)
    assert not main.find("img")


def test_partner_logo_replaces_the_badge(client):
    partner = Partner.objects.get(locale__language_code="fr", acronym="Inria")
    partner.logo = make_image(title="Logo Inria", credit="Inria", caption="")
    partner.save()
    main = get(client, "fr")
    badges = [badge.get_text(" ", strip=True) for badge in main.select(".partner-tile--badge")]
    assert not any(badge.startswith("Inria") for badge in badges)
    # On the partners page the name is written beside the logo: the logo itself is decorative.
    assert main.find("img")["alt"] == ""
    # On the home page strip, the logo stands alone and carries the name.
    home = BeautifulSoup(client.get("/fr/").content, "html.parser").find("main")
    assert home.find("img", alt=partner.name)


def test_each_language_lists_its_own_partners():
    fr = Locale.objects.get(language_code="fr")
    en = Locale.objects.get(language_code="en")
    assert Partner.objects.filter(locale=fr).count() == Partner.objects.filter(locale=en).count()
    founding = Partner.objects.filter(locale=fr, kind=Partner.Kind.FOUNDING_MEMBER)
    assert founding.count() == len(FOUNDING_MEMBERS)
