"""Responsive images: <picture> with AVIF, WebP and a fallback, srcset and sizes, width and
height, lazy loading below the top of the page, and never the original upload."""

import json

import pytest
from bs4 import BeautifulSoup

from home.models import HomePage
from news.models import NewsPage
from partners.models import Partner
from tests.factories import make_image

pytestmark = pytest.mark.django_db


def main_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").find("main")


def figure_block(image, alt="Une salle de cours"):
    return {
        "type": "figure",
        "value": {
            "image": {"image": image.pk, "alt_text": alt, "decorative": False},
            "caption": "",
            "credit": "",
        },
    }


@pytest.fixture
def illustrated_article():
    """The French inauguration article, with a hero image and a figure in its body."""
    hero = make_image(title="Atrium", size=(1600, 900))
    inside = make_image(title="Salle de cours", size=(1200, 900))
    page = NewsPage.objects.live().get(
        locale__language_code="fr", publication_date__year=2022, publication_date__month=4
    )
    page.image = hero
    page.body = json.dumps([*page.body.get_prep_value(), figure_block(inside)])
    page.save_revision().publish()
    return page, hero, inside


def assert_responsive_picture(picture, fallback_type="image/jpeg"):
    sources = {source["type"]: source for source in picture.find_all("source")}
    assert set(sources) == {"image/avif", "image/webp"}
    img = picture.find("img")
    for source in sources.values():
        assert source["sizes"] == img["sizes"]
        assert len(source["srcset"].split(",")) >= 2
        assert all(candidate.strip().endswith("w") for candidate in source["srcset"].split(","))
    assert int(img["width"]) > 0 and int(img["height"]) > 0
    assert len(img["srcset"].split(",")) >= 2
    assert img["sizes"]
    extension = {"image/jpeg": ".jpg", "image/png": ".png"}[fallback_type]
    assert img["src"].endswith(extension)
    assert "alt" in img.attrs
    return img


def image_urls(main):
    """Every URL an <img> or <source> of main makes the browser download."""
    urls = []
    for tag in main.find_all(["img", "source"]):
        if tag.get("src"):
            urls.append(tag["src"])
        for candidate in tag.get("srcset", "").split(","):
            if candidate.strip():
                urls.append(candidate.split()[0])
    return urls


def test_article_images_are_responsive_pictures(client, illustrated_article):
    page, hero, inside = illustrated_article
    main = main_of(client, page.url)
    pictures = main.find_all("picture")
    assert len(pictures) == 2
    hero_img, body_img = (assert_responsive_picture(picture) for picture in pictures)
    # The hero is at the top: loaded at once, first. The body image waits for the scroll.
    assert hero_img["loading"] == "eager"
    assert hero_img["fetchpriority"] == "high"
    assert body_img["loading"] == "lazy"
    assert "fetchpriority" not in body_img.attrs
    # Decoded off the main thread, except the hero, which is painted as soon as it can be.
    assert body_img["decoding"] == "async"
    assert hero_img["decoding"] == "auto"
    assert body_img["alt"] == "Une salle de cours"
    # The hero is cropped 16:9 around its focal point; the body image keeps its proportions.
    assert int(hero_img["width"]) * 9 == int(hero_img["height"]) * 16
    assert int(body_img["width"]) * 3 == int(body_img["height"]) * 4


def test_no_image_url_is_the_original_upload(client, illustrated_article):
    page, hero, inside = illustrated_article
    main = main_of(client, page.url)
    urls = image_urls(main)
    assert urls
    for image in (hero, inside):
        assert image.file.url not in str(main)
        assert image.file.url not in urls
    assert all("/original_images/" not in url for url in urls)
    assert all(url.startswith("/media/images/") for url in urls)


def test_focal_point_decides_the_crop(client, illustrated_article):
    page, hero, inside = illustrated_article
    before = set(image_urls(main_of(client, page.url)))
    hero.focal_point_x, hero.focal_point_y = 1500, 450
    hero.focal_point_width, hero.focal_point_height = 100, 100
    hero.save()
    after = set(image_urls(main_of(client, page.url)))
    # New renditions of the hero (fill- crops around the focal point); the body image's stay.
    hero_urls = {rendition.url for rendition in hero.renditions.all()} & before
    assert hero_urls and not hero_urls & after
    assert before - hero_urls <= after
    assert hero.get_rendition("format-jpeg|fill-640x360").url in after


@pytest.mark.parametrize("code", ["fr", "en"])
def test_home_hero_is_fetched_first(client, code):
    home = HomePage.objects.get(locale__language_code=code)
    home.image = make_image(title="Le campus")
    home.save_revision().publish()
    img = assert_responsive_picture(main_of(client, home.url).find("picture"))
    assert img["loading"] == "eager"
    assert img["fetchpriority"] == "high"


def test_partner_logos_are_lazy_responsive_pictures_keeping_transparency(client):
    partner = Partner.objects.get(locale__language_code="fr", acronym="Inserm")
    logo = make_image(title="Logo Inserm", size=(800, 200))
    partner.logo = logo
    partner.save_revision().publish()
    home = HomePage.objects.get(locale__language_code="fr")
    main = main_of(client, home.url)
    img = main.find("img", alt=partner.name)
    assert img is not None
    picture = img.find_parent("picture")
    img = assert_responsive_picture(picture, fallback_type="image/png")
    assert img["loading"] == "lazy"
    # The tile's 160 × 64 px at most, and twice that: never the 800 px upload.
    widths = {int(candidate.split()[1][:-1]) for candidate in img["srcset"].split(",")}
    assert widths == {160, 320}
    assert logo.file.url not in str(main)
