"""A page's image speaks the page's language: its caption and alternative text are
the page's own, translated with it (wagtail-localize), never the French of the image
library on an English page."""

import pytest
from bs4 import BeautifulSoup
from django.test import TestCase
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from news.models import NewsIndexPage, NewsPage
from tests.factories import make_image

pytestmark = pytest.mark.django_db

ENGLISH = {
    "Visite du campus": "Visiting the campus",
    "Deux phrases en français.": "Two sentences in English.",
    "Atrium du campus": "The campus atrium",
    "L'atrium, le jour de l'inauguration": "The atrium on opening day",
}


def french_article(**fields):
    index = NewsIndexPage.objects.get(locale__language_code="fr")
    page = NewsPage(
        title="Visite du campus",
        slug="visite-du-campus",
        standfirst="Deux phrases en français.",
        image=make_image(caption="L'atrium, le jour de l'inauguration"),
        **fields,
    )
    index.add_child(instance=page)
    # What the admin form does before saving: validate the page (PageImageMixin.clean).
    page.full_clean()
    page.save_revision().publish()
    return NewsPage.objects.get(pk=page.pk)


def figure(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find("figure")


def translate(page, strings=ENGLISH):
    """Translate the page into English through wagtail-localize, publish it."""
    english = Locale.objects.get(language_code="en")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        if segment.string.data in strings:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                data=strings[segment.string.data],
            )
    # wagtail-localize publishes once the transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        source.create_or_update_translation(english, publish=True, fallback=True)
    return NewsPage.objects.get(translation_key=page.translation_key, locale=english)


def source_strings(page):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    return {
        segment.context.path: segment.string.data
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        )
    }


def test_a_french_page_takes_the_image_texts_as_its_own():
    page = french_article()
    assert page.image_caption == "L'atrium, le jour de l'inauguration"
    assert page.image_alt == "Atrium du campus"


def test_the_french_page_shows_the_caption_and_alternative_text(client):
    node = figure(client, french_article())
    assert node.find("img")["alt"] == "Atrium du campus"
    assert "L'atrium, le jour de l'inauguration" in node.figcaption.get_text()


def test_translating_the_page_offers_its_caption_and_alternative_text():
    strings = source_strings(french_article())
    assert strings["image_caption"] == "L'atrium, le jour de l'inauguration"
    assert strings["image_alt"] == "Atrium du campus"


def test_the_english_page_shows_the_english_caption_and_alternative_text(client):
    english = translate(french_article())
    node = figure(client, english)
    assert node.find("img")["alt"] == "The campus atrium"
    caption = node.figcaption.get_text()
    assert "The atrium on opening day" in caption
    assert "inauguration" not in caption
    # The French page is unchanged.
    french = NewsPage.objects.get(
        translation_key=english.translation_key, locale__language_code="fr"
    )
    assert "L'atrium, le jour de l'inauguration" in figure(client, french).figcaption.get_text()


def test_an_english_page_without_its_own_caption_never_shows_the_french_one(client):
    index = NewsIndexPage.objects.get(locale__language_code="en")
    page = NewsPage(
        title="Campus visit",
        slug="campus-visit",
        standfirst="Two sentences.",
        image=make_image(caption="L'atrium, le jour de l'inauguration", credit="© Campus"),
        image_alt="The atrium",
    )
    index.add_child(instance=page)
    page.full_clean()
    page.save_revision().publish()
    node = figure(client, page)
    assert page.image_caption == ""
    assert "inauguration" not in node.get_text()
    assert "© Campus" in node.figcaption.get_text()  # the credit is a name, in any language


def test_a_decorative_image_gets_no_alternative_text():
    page = french_article(image_decorative=True)
    assert page.image_alt == ""
    assert page.image_alt_text == ""
