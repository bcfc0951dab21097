"""Nothing from third parties: no public page loads a script, style, font, image or frame
from another host, and none sets a cookie. Links to other sites (share links, partners'
sites) are allowed: following them is the visitor's choice."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from wagtail.models import Page

from tests.factories import make_image

pytestmark = pytest.mark.django_db

CSS_DIR = Path(settings.BASE_DIR) / "static" / "css"
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)""", re.IGNORECASE)
# <link rel> values that make the browser fetch something.
FETCHING_RELS = {"stylesheet", "preload", "modulepreload", "icon", "apple-touch-icon", "manifest"}


def is_same_host(url):
    """True for a URL on this site: relative, root-relative or on http://testserver."""
    url = url.strip()
    if url.startswith("data:"):
        return True
    parts = urlsplit(url)
    if url.startswith("//"):
        return parts.netloc == "testserver"
    return not parts.scheme or (parts.scheme in ("http", "https") and parts.netloc == "testserver")


def srcset_urls(value):
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def loaded_resources(html):
    """Every URL the page makes the browser fetch on its own, with where it was found."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all("script", src=True):
        found.append(("script", tag["src"]))
    for tag in soup.find_all("link", href=True):
        if FETCHING_RELS & {rel.lower() for rel in tag.get("rel", [])}:
            found.append((f"link rel={' '.join(tag['rel'])}", tag["href"]))
    for tag in soup.find_all(["img", "source", "iframe", "video", "audio", "embed", "track"]):
        if tag.get("src"):
            found.append((tag.name, tag["src"]))
        for url in srcset_urls(tag.get("srcset", "")):
            found.append((f"{tag.name} srcset", url))
        if tag.get("poster"):
            found.append((f"{tag.name} poster", tag["poster"]))
    for tag in soup.find_all("object", data=True):
        found.append(("object", tag["data"]))
    for tag in soup.find_all(style=True):
        for _quote, url in CSS_URL.findall(tag["style"]):
            found.append(("style attribute", url))
    for tag in soup.find_all("style"):
        text = tag.string or ""
        found += [("style element", url) for _quote, url in CSS_URL.findall(text)]
        found += [("style element @import", url) for url in CSS_IMPORT.findall(text)]
    return found


def public_page_urls():
    return sorted(
        page.url
        for page in Page.objects.live().public().filter(depth__gte=2).specific()
        if page.url
    )


@pytest.fixture
def illustrated_site():
    """Images on the home pages, as editors will add them: their renditions are checked too."""
    from home.models import HomePage

    for home in HomePage.objects.all():
        home.image = make_image(title=f"Accueil {home.locale.language_code}")
        home.save_revision().publish()


def test_every_public_page_loads_only_resources_from_the_site(client, illustrated_site):
    urls = public_page_urls()
    assert any(url.startswith("/fr/") for url in urls)
    assert any(url.startswith("/en/") for url in urls)
    problems = []
    inline_styles = []
    for url in [*urls, "/fr/page-introuvable/", "/en/no-such-page/"]:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        resources = loaded_resources(response.content)
        assert resources, url  # at least the style sheet
        problems += [(url, kind, src) for kind, src in resources if not is_same_host(src)]
        inline_styles += [
            (url, tag.name) for tag in BeautifulSoup(response.content, "html.parser")(style=True)
        ]
    assert problems == []
    # No inline styles at all (a strict Content-Security-Policy would block them).
    assert inline_styles == []


def test_no_public_page_sets_a_cookie(client):
    for url in [
        *public_page_urls(),
        "/sitemap.xml",
        "/sitemap-fr.xml",
        "/robots.txt",
        "/fr/page-introuvable/",
    ]:
        response = client.get(url)
        assert not response.cookies, (url, response.cookies)
        assert "Set-Cookie" not in response.headers, url


def test_share_and_partner_links_may_point_elsewhere_but_load_nothing(client):
    """Outside links are <a href>: listed here to show they are not counted as loads."""
    from news.models import NewsPage

    article = NewsPage.objects.live().filter(locale__language_code="fr").first()
    html = client.get(article.url).content
    soup = BeautifulSoup(html, "html.parser")
    outside = [a["href"] for a in soup.find_all("a", href=True) if not is_same_host(a["href"])]
    assert outside  # the share links
    loaded = {src for _kind, src in loaded_resources(html)}
    assert not loaded & set(outside)


@pytest.mark.parametrize("css", sorted(CSS_DIR.glob("*.css")), ids=lambda path: path.name)
def test_style_sheets_load_only_files_of_the_site(css):
    text = css.read_text(encoding="utf-8")
    urls = [url for _quote, url in CSS_URL.findall(text)] + CSS_IMPORT.findall(text)
    for url in urls:
        assert not urlsplit(url).scheme or url.startswith("data:"), (css.name, url)
        assert not url.startswith("//"), (css.name, url)
        # Relative to static/css/, or under /static/.
        assert url.startswith(("../", "./", "/static/", "data:")) or "/" not in url, url


def test_the_checker_catches_third_party_resources():
    html = (
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">'
        '<script src="//cdn.example.com/app.js"></script>'
        '<img src="/static/a.png" srcset="/media/a.jpg 1x, https://cdn.example.com/b.jpg 2x">'
        '<iframe src="https://www.youtube.com/embed/x"></iframe>'
        '<div style="background: url(https://tracker.example.com/p.gif)"></div>'
        '<a href="https://www.linkedin.com/shareArticle">LinkedIn</a>'
    )
    outside = {src for _kind, src in loaded_resources(html) if not is_same_host(src)}
    assert outside == {
        "https://fonts.googleapis.com/css2?family=Inter",
        "//cdn.example.com/app.js",
        "https://cdn.example.com/b.jpg",
        "https://www.youtube.com/embed/x",
        "https://tracker.example.com/p.gif",
    }
