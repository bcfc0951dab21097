"""What a journalist needs on an article: images in high definition with their credit,
share links that are plain links, and addresses that keep working when a slug changes."""

import json
import re
from urllib.parse import quote, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from news.models import NewsPage
from tests.factories import make_image

pytestmark = pytest.mark.django_db

SLUGS = {"fr": "ambitions-de-parisante-campus", "en": "ambitions-of-parisante-campus"}


def article(code):
    return NewsPage.objects.get(slug=SLUGS[code], locale__language_code=code)


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def illustrated_article():
    """The French article with a hero image and an image in its body."""
    hero = make_image(title="Atrium du campus", credit="© PariSanté Campus / Hero")
    inside = make_image(
        title="Salle de cours",
        credit="© Inserm / Jean Dupont",
        caption="Une salle",
        size=(800, 600),
    )
    page = article("fr")
    page.image = hero
    body = list(page.body.get_prep_value())
    body.append(
        {
            "type": "figure",
            "value": {
                "image": {
                    "image": inside.pk,
                    "alt_text": "Une salle de cours",
                    "decorative": False,
                },
                "caption": "",
                "credit": "",
            },
        }
    )
    page.body = json.dumps(body)
    page.save_revision().publish()
    return page, hero, inside


def test_images_can_be_downloaded_in_high_definition_with_their_credit(client, illustrated_article):
    page, hero, inside = illustrated_article
    main = html_of(client, page).find("main")
    groups = main.select(".figure-group")
    assert len(groups) == 2
    for group, image, size in zip(groups, (hero, inside), ("1600 × 900", "800 × 600"), strict=True):
        link = group.select_one(".figure__download a")
        href = link["href"]
        # A JPEG rendition under /media/, never the uploaded file.
        assert href.startswith("/media/") and href.endswith(".jpg")
        assert href != image.file.url
        assert link["download"] == f"parisante-campus-{image.title.lower().replace(' ', '-')}.jpg"
        text = link.get_text(" ", strip=True)
        assert text.startswith("Télécharger en haute définition (JPEG,")
        assert size.replace(" ", "") in text.replace(" ", "").replace("\u00a0", "")
        # The credit is written in the caption, right above the link.
        credit = group.select_one("figcaption .figure__credit").get_text(" ", strip=True)
        assert credit.replace("\u00a0", " ") == f"Crédit : {image.credit}"
    # The original files are linked nowhere.
    page_html = str(main)
    for image in (hero, inside):
        assert image.file.url not in page_html


def test_high_definition_is_at_most_2400_pixels(client):
    big = make_image(title="Vue large", size=(3000, 1000))
    page = article("en")
    page.image = big
    page.save_revision().publish()
    link = html_of(client, page).select_one("main .figure__download a")
    rendition = big.renditions.get(file__endswith=link["href"].rsplit("/", 1)[1])
    assert (rendition.width, rendition.height) == (2400, 800)
    assert "2400 × 800" in link.get_text().replace("\u00a0", "").replace("2,400", "2400")


@pytest.mark.parametrize(("code", "heading"), [("fr", "Partager"), ("en", None)])
def test_share_links_are_plain_links_with_the_articles_address(client, code, heading):
    page = article(code)
    page_soup = html_of(client, page)
    share = page_soup.select_one("main article .share")
    assert share is not None
    if heading:
        assert share.find("h2").get_text(strip=True) == heading
    links = share.find_all("a")
    assert len(links) == 5
    encoded_url = quote(page.get_full_url(), safe="")
    assert page.get_full_url().startswith("http")
    hosts = set()
    for link in links:
        href = link["href"]
        assert encoded_url in href, href
        parts = urlsplit(href)
        assert parts.scheme in ("mailto", "https")
        if parts.scheme == "https":
            hosts.add(parts.netloc)
        # A name that says what the link does, and no new window.
        assert link.get_text(strip=True).lower() in link["aria-label"].lower()
        assert not link.has_attr("target")
        assert not link.find("img") and not link.find("svg")
    assert hosts == {"www.linkedin.com", "bsky.app", "twitter.com", "www.facebook.com"}
    mailto = next(link["href"] for link in links if link["href"].startswith("mailto:"))
    assert mailto == f"mailto:?subject={quote(page.title, safe='')}&body={encoded_url}"
    # No script anywhere in the article, none from another site in the page; only data
    # blocks (JSON-LD) are allowed.
    assert not page_soup.select("main script")
    for script in page_soup.find_all("script"):
        assert not script.has_attr("src")
        assert script.get("type") == "application/ld+json"


def test_share_labels_are_in_french_on_french_articles(client):
    share = html_of(client, article("fr")).select_one("main .share")
    labels = [link["aria-label"] for link in share.find_all("a")]
    assert labels == [
        "Partager par courriel",
        "Partager sur LinkedIn",
        "Partager sur Bluesky",
        "Partager sur X",
        "Partager sur Facebook",
    ]


@pytest.mark.parametrize("code", ["fr", "en"])
def test_changing_a_slug_leaves_a_permanent_redirect(
    client, django_capture_on_commit_callbacks, code
):
    page = article(code)
    old_url = page.url
    with django_capture_on_commit_callbacks(execute=True):
        page.slug = f"{page.slug}-2022"
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.url != old_url
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] in (page.url, page.get_full_url())
    assert client.get(page.url).status_code == 200


def test_articles_print_as_content_only_black_on_white(client):
    html = html_of(client, article("fr"))
    link = html.find("link", href=lambda href: href and href.endswith("css/print.css"))
    assert link["media"] == "print"
    css = (settings.BASE_DIR / "static" / "css" / "print.css").read_text()
    hidden = css[: css.index("display: none")]
    for selector in (".main-nav", ".lang", ".site-footer", ".share", ".figure__download"):
        assert f"{selector},\n" in hidden
    for selector in (".news-filters", ".pagination"):
        assert selector in hidden
    assert "color: #000 !important" in css and "background: transparent !important" in css
    assert re.search(r'a\[href\^="http"\]::after \{\s*content: " \(" attr\(href\) "\)"', css)
    assert re.search(r"figure,\n\.figure-group,[^}]*break-inside: avoid", css)
