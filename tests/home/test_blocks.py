"""Every block of the shared library renders what a reader needs."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from core.blocks import BodyStreamBlock, LinkBlock
from home.models import HomePage, StandardPage
from tests.factories import make_document, make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_with_every_block():
    image = make_image()
    document = make_document()
    home = HomePage.objects.get(locale__language_code="fr")
    mission = home.get_children().get(slug="le-campus")
    body = [
        {"type": "paragraph", "value": "<h2>Un intertitre</h2><p>Un paragraphe.</p>"},
        {
            "type": "figure",
            "value": {
                "image": {
                    "image": image.pk,
                    "alt_text": "L'atrium vu d'en haut",
                    "decorative": False,
                },
                "caption": "",
                "credit": "",
            },
        },
        {
            "type": "quote",
            "value": {
                "quote": "Une citation exacte.",
                "speaker": "Antoine Tesnière",
                "role": "Directeur général",
                "source_url": "",
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "title": "Découvrir le campus",
                "text": "Sa mission et ses objectifs.",
                "link": {"page": mission.pk, "url": "", "label": ""},
            },
        },
        {
            "type": "key_figures",
            "value": {
                "title": "Le campus en chiffres",
                "as_of": "2022-04-15",
                "figures": [{"value": "150", "label": "étudiants"}],
                "source": "",
            },
        },
        {"type": "document", "value": {"document": document.pk, "title": ""}},
        {
            "type": "accordion",
            "value": {
                "title": "Questions",
                "items": [{"title": "Où ?", "body": "<p>Paris 15e.</p>"}],
            },
        },
    ]
    page = home.add_child(
        instance=StandardPage(title="Tous les blocs", slug="tous-les-blocs", body=json.dumps(body))
    )
    page.save_revision().publish()
    return page


def test_every_block_renders(client, page_with_every_block):
    response = client.get(page_with_every_block.url)
    assert response.status_code == 200
    document = BeautifulSoup(response.content, "html.parser")
    main = document.find("main")
    assert main.find("h2", string="Un intertitre")
    # Figure: alt chosen where used, caption and credit from the image.
    figure_img = main.select_one("figure img")
    assert figure_img["alt"] == "L'atrium vu d'en haut"
    assert "© PariSanté Campus" in main.get_text()
    assert "L'atrium" in main.get_text()
    # Attributed quote.
    quote = main.find("blockquote")
    assert "Une citation exacte." in quote.get_text()
    assert "Antoine Tesnière" in quote.find_parent("figure").find("figcaption").get_text()
    # Call to action links to the localised page.
    assert main.find("a", href="/fr/le-campus/")
    # Key figures carry their date, in French.
    assert "Chiffres\u00a0: avril 2022" in main.get_text()
    # Document: format and size.
    text = main.get_text(" ", strip=True)
    assert "PDF" in text
    # Accordion works without JavaScript.
    assert main.find("details").find("summary").get_text(strip=True) == "Où ?"


def test_decorative_figure_has_empty_alt(client, page_with_every_block):
    body = page_with_every_block.body.raw_data
    body[1]["value"]["image"]["decorative"] = True
    page_with_every_block.body = json.dumps(list(body))
    page_with_every_block.save_revision().publish()
    response = client.get(page_with_every_block.url)
    img = BeautifulSoup(response.content, "html.parser").select_one("main figure img")
    assert img["alt"] == ""


def test_link_block_needs_exactly_one_target():
    block = LinkBlock()
    from wagtail.blocks.struct_block import StructBlockValidationError

    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"page": None, "url": "", "label": ""}))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"page": None, "url": "https://www.inserm.fr", "label": ""}))
    value = block.clean(
        block.to_python({"page": None, "url": "https://www.inserm.fr", "label": "Inserm"})
    )
    assert value.href() == "https://www.inserm.fr"
    assert value.text() == "Inserm"


def test_blocks_explain_themselves_to_editors():
    for name, child in BodyStreamBlock().child_blocks.items():
        assert child.meta.icon, name
        assert child.meta.description, name
        assert child.meta.template, name


def test_key_figures_preview_has_a_date():
    from core.blocks import KeyFiguresBlock

    assert isinstance(KeyFiguresBlock().meta.preview_value["as_of"], datetime.date)
