"""Static files as production stores and serves them.

``collectstatic`` runs once with the production storage into a temporary STATIC_ROOT
(tests/production_static.py); requests then go through the whole WSGI stack (Django's
test client, WhiteNoise's middleware) with production's static settings:

- every file is stored under a hashed name, with brotli and gzip copies of text files;
- hashed files are cached for a year at least and marked immutable; the original,
  un-hashed names are served too (old links) but never as immutable;
- WhiteNoise answers with the brotli or gzip copy when the browser accepts it;
- pages link only hashed files under /static/, and their style sheets and scripts stay
  within the budget: 30 KB of CSS (print style sheet aside), 10 KB of JavaScript and
  30 KB of HTML, uncompressed.

(That nothing is loaded from another host is tests/campus/test_third_parties.py.)
"""

import gzip
import json
import re

import brotli
import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.campus.test_third_parties import loaded_resources, public_page_urls
from tests.production_static import collected_static, production_static

pytestmark = pytest.mark.django_db

ONE_YEAR = 365 * 24 * 3600
CSS_BUDGET = 30 * 1024
JS_BUDGET = 10 * 1024
HTML_BUDGET = 30 * 1024
# What the pages link (the fonts through main.css, and preloaded).
OUR_FILES = [
    "css/main.css",
    "css/print.css",
    "fonts/source-sans-3-latin-wght-normal.woff2",
    "fonts/source-sans-3-latin-wght-italic.woff2",
    "icons/data.svg",
    "img/share-default.png",
    "img/favicon.svg",
]
TEXT_FILES = ["css/main.css", "css/print.css", "icons/data.svg"]
ERROR_PAGES = ["/fr/page-introuvable/", "/en/no-such-page/"]
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.IGNORECASE)


@pytest.fixture(scope="module")
def static_root():
    return collected_static()


@pytest.fixture(scope="module")
def manifest(static_root):
    return json.loads((static_root / "staticfiles.json").read_text())["paths"]


@pytest.fixture
def web():
    """A client whose WhiteNoise is built with production's settings and collected files."""
    with production_static():
        yield Client()


def cache_control(response):
    directives = {}
    for part in response.headers.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            directives[name.lower()] = value
    return directives


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def page_urls():
    return [*public_page_urls(), *ERROR_PAGES]


@pytest.mark.parametrize("name", OUR_FILES)
def test_collectstatic_stores_hashed_copies(manifest, static_root, name):
    hashed = manifest[name]
    assert re.fullmatch(re.escape(name.rsplit(".", 1)[0]) + r"\.[0-9a-f]{12}\.\w+", hashed)
    if name.endswith(".css"):
        assert (static_root / hashed).is_file()  # url()s rewritten to hashed names
    else:
        assert (static_root / hashed).read_bytes() == (static_root / name).read_bytes()


@pytest.mark.parametrize("name", TEXT_FILES)
def test_text_files_have_brotli_and_gzip_copies(manifest, static_root, name):
    path = static_root / manifest[name]
    original = path.read_bytes()
    brotli_copy = path.with_name(path.name + ".br").read_bytes()
    gzip_copy = path.with_name(path.name + ".gz").read_bytes()
    assert brotli.decompress(brotli_copy) == original
    assert gzip.decompress(gzip_copy) == original
    assert len(brotli_copy) < len(original) and len(gzip_copy) < len(original)


def test_collected_style_sheets_point_to_hashed_files(manifest, static_root):
    """The storage rewrites url() in CSS, so fonts are cached forever too."""
    hashed_names = set(manifest.values())
    for name in ("css/main.css", "css/print.css"):
        text = (static_root / manifest[name]).read_text()
        for _quote, url in CSS_URL.findall(text):
            if url.startswith("data:"):
                continue
            target = (
                url.removeprefix("/static/")
                if url.startswith("/static/")
                else str((static_root / "css" / url).resolve().relative_to(static_root))
            )
            assert target.split("#")[0] in hashed_names, (name, url)


@pytest.mark.parametrize("name", OUR_FILES)
def test_hashed_files_are_cached_for_a_year_and_immutable(web, manifest, name):
    response = web.get("/static/" + manifest[name])
    assert response.status_code == 200
    directives = cache_control(response)
    assert "immutable" in directives, response.headers.get("Cache-Control")
    assert "public" in directives
    assert int(directives["max-age"]) >= ONE_YEAR
    assert not response.cookies


def test_static_files_are_served_without_a_database_query(web, manifest, django_assert_num_queries):
    """WhiteNoise answers before anything that could query (sessions, sites, page cache)."""
    web.get("/static/" + manifest["css/main.css"])  # the middleware chain is built
    with django_assert_num_queries(0):
        for name in ("css/main.css", "fonts/source-sans-3-latin-wght-normal.woff2"):
            assert web.get("/static/" + manifest[name]).status_code == 200


@pytest.mark.parametrize("name", OUR_FILES)
def test_unhashed_names_are_served_but_not_immutable(web, name):
    response = web.get("/static/" + name)
    assert response.status_code == 200
    directives = cache_control(response)
    assert "immutable" not in directives, response.headers.get("Cache-Control")
    assert int(directives.get("max-age", 0)) < ONE_YEAR


DECODERS = {"br": brotli.decompress, "gzip": gzip.decompress}


@pytest.mark.parametrize("name", TEXT_FILES)
@pytest.mark.parametrize(
    "accept,encoding",
    [("br", "br"), ("gzip, deflate, br", "br"), ("gzip", "gzip"), ("gzip, deflate", "gzip")],
)
def test_compressed_copies_are_served_when_accepted(
    web, manifest, static_root, name, accept, encoding
):
    url = "/static/" + manifest[name]
    original = (static_root / manifest[name]).read_bytes()
    response = web.get(url, HTTP_ACCEPT_ENCODING=accept)
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in response.headers.get("Vary", "")
    content = body(response)
    assert len(content) < len(original)
    assert DECODERS[encoding](content) == original
    # Without Accept-Encoding: the file itself.
    plain = web.get(url)
    assert "Content-Encoding" not in plain.headers
    assert body(plain) == original


def test_fonts_are_not_compressed_again(web, manifest, static_root):
    """WOFF2 is compressed already: no useless .br/.gz copies, no Content-Encoding."""
    name = manifest["fonts/source-sans-3-latin-wght-normal.woff2"]
    assert not (static_root / (name + ".br")).exists()
    response = web.get("/static/" + name, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200
    assert "Content-Encoding" not in response.headers
    assert response.headers["Content-Type"] == "font/woff2"


def test_pages_link_only_hashed_files_under_static(web, manifest):
    hashed = {"/static/" + name for name in manifest.values()}
    problems = []
    seen = set()
    for url in page_urls():
        response = web.get(url)
        assert response.status_code in (200, 404), url
        for kind, src in loaded_resources(response.content):
            path = src.split("?")[0]
            if path.startswith("/media/"):
                continue  # image renditions: their names are unique to the file and size
            seen.add(path)
            if path not in hashed:
                problems.append((url, kind, src))
    assert problems == []
    assert "/static/" + manifest["css/main.css"] in seen
    assert "/static/" + manifest["fonts/source-sans-3-latin-wght-normal.woff2"] in seen


def is_javascript(script):
    """Not a data block such as JSON-LD (<script type="application/ld+json">)."""
    kind = script.get("type", "").strip().lower()
    return kind in ("", "module") or kind.endswith("javascript") or kind.endswith("ecmascript")


def linked_files(html, static_root):
    """(style sheets but print ones, scripts) linked by a page, as (url, size) pairs."""
    soup = BeautifulSoup(html, "html.parser")
    css, js = [], []
    for link in soup.find_all("link", rel="stylesheet", href=True):
        if link.get("media", "all").strip().lower() != "print":
            css.append(link["href"])
    scripts = [script for script in soup.find_all("script") if is_javascript(script)]
    js = [script["src"] for script in scripts if script.get("src")]
    inline_js = [script for script in scripts if not script.get("src") and script.string]

    def size(url):
        assert url.startswith("/static/"), url
        return (static_root / url.removeprefix("/static/").split("?")[0]).stat().st_size

    return [(url, size(url)) for url in css], [(url, size(url)) for url in js], inline_js


def test_css_js_and_html_stay_within_the_budget(web, static_root):
    over = []
    for url in page_urls():
        response = web.get(url)
        html = response.content
        css, js, inline_js = linked_files(html, static_root)
        assert css, url
        css_total = sum(size for _url, size in css)
        js_total = sum(size for _url, size in js)
        if css_total > CSS_BUDGET:
            over.append((url, "CSS", css_total, css))
        if js_total > JS_BUDGET:
            over.append((url, "JS", js_total, js))
        if len(html) > HTML_BUDGET:
            over.append((url, "HTML", len(html)))
        # Inline scripts would dodge the budget (and a strict Content-Security-Policy).
        assert not inline_js, url
    assert over == []


def test_the_budget_check_counts_what_the_page_links(static_root, manifest):
    html = (
        f'<link rel="stylesheet" href="/static/{manifest["css/main.css"]}">'
        f'<link rel="stylesheet" href="/static/{manifest["css/print.css"]}" media="print">'
        f'<script src="/static/{manifest["css/print.css"]}" defer></script>'
        '<script type="application/ld+json">{"@type": "Organization"}</script>'
        "<script>alert(1)</script>"
    )
    css, js, inline = linked_files(html, static_root)
    main_size = (static_root / manifest["css/main.css"]).stat().st_size
    print_size = (static_root / manifest["css/print.css"]).stat().st_size
    assert css == [(f"/static/{manifest['css/main.css']}", main_size)]
    assert js == [(f"/static/{manifest['css/print.css']}", print_size)]
    assert [script.string for script in inline] == ["alert(1)"]
