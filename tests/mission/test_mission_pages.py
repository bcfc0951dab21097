import pytest
from bs4 import BeautifulSoup

from home.models import HomePage
from mission.models import ObjectiveIndexPage, ObjectivePage, PillarIndexPage, PillarPage

pytestmark = pytest.mark.django_db


def main_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").find("main")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_home_shows_three_pillars_four_objectives_and_founders(client, language):
    home = HomePage.objects.get(locale__language_code=language)
    main = main_of(client, home.url)
    assert main.find_all("h1") and len(main.find_all("h1")) == 1
    hrefs = {a["href"] for a in main.find_all("a", href=True)}
    for pillar in PillarPage.objects.live().filter(locale=home.locale):
        assert pillar.url in hrefs
    for objective in ObjectivePage.objects.live().filter(locale=home.locale):
        assert objective.url in hrefs
    assert len(list(home.pillars())) == 3
    assert len(list(home.objectives())) == 4
    assert home.partners().count() == 5


@pytest.mark.parametrize("language", ["fr", "en"])
def test_objectives_listed_in_editor_order(client, language):
    index = ObjectiveIndexPage.objects.get(locale__language_code=language)
    cards = list(index.cards())
    assert len(cards) == 4
    main = main_of(client, index.url)
    positions = [str(main).index(card.url) for card in cards]
    assert positions == sorted(positions)
    # Moving the last objective first changes the order visitors see.
    cards[-1].move(cards[0], pos="left")
    assert list(index.cards())[0].pk == cards[-1].pk
    assert cards[-1].__class__.objects.get(pk=cards[-1].pk).number == 1


@pytest.mark.parametrize("language", ["fr", "en"])
def test_pillars_link_to_objectives_in_the_same_language(client, language):
    index = PillarIndexPage.objects.get(locale__language_code=language)
    for pillar in index.cards():
        objectives = pillar.objectives()
        assert len(objectives) == 2
        assert all(o.locale_id == pillar.locale_id for o in objectives)
        main = main_of(client, pillar.url)
        for objective in objectives:
            assert main.find("a", href=objective.url)


def test_objective_lists_the_pillars_that_serve_it(client):
    patient = list(ObjectiveIndexPage.objects.get(locale__language_code="en").cards())[3]
    assert [p.locale.language_code for p in patient.pillars()] == ["en"] * 3
    main = main_of(client, patient.url)
    for pillar in patient.pillars():
        assert main.find("a", href=pillar.url)
