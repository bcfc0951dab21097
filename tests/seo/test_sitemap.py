"""sitemap.xml (an index of one section per language) and robots.txt; the site map page.

The sections list every live, public page of both languages with its absolute URL and
its hreflang alternates; a crawl of the site from /fr/ and /en/ finds the same pages.
"""

import xml.etree.ElementTree as ET
from urllib.parse import urldefrag, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.timezone import localtime
from wagtail.models import Page, PageViewRestriction

from core.pages import listed_in_sitemaps
from home.models import SitemapPage
from seo import sitemaps

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
BASE = "http://testserver"


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 - the site's own output


def section_urls(client):
    """The sections /sitemap.xml lists, in its order."""
    return [loc.text for loc in xml(client, "/sitemap.xml").findall("sm:sitemap/sm:loc", NS)]


def sitemap_entries(client, sections=None):
    """{URL: {hreflang: URL}} from the sections of /sitemap.xml (or the given ones)."""
    entries = {}
    for section in sections or section_urls(client):
        entries.update(section_entries(client, section, entries))
    return entries


def section_entries(client, section, seen=()):
    entries = {}
    for url in xml(client, section.removeprefix(BASE)).findall("sm:url", NS):
        location = url.find("sm:loc", NS).text
        assert location not in entries and location not in seen, f"{location} listed twice"
        entries[location] = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
    return entries


def public_pages():
    return [
        page
        for page in Page.objects.live().public().filter(depth__gte=2).specific()
        if listed_in_sitemaps(page)
    ]


def test_every_live_public_page_of_both_languages_is_listed_with_its_absolute_url(client):
    entries = sitemap_entries(client)
    expected = {BASE + page.url for page in public_pages()}
    assert set(entries) == expected
    languages = {urlsplit(url).path.split("/")[1] for url in entries}
    assert languages == {"fr", "en"}
    assert BASE + "/fr/" in entries and BASE + "/en/" in entries


def test_the_index_lists_one_section_per_language_each_with_its_pages(client):
    assert section_urls(client) == [BASE + "/sitemap-fr.xml", BASE + "/sitemap-en.xml"]
    for code in ("fr", "en"):
        entries = section_entries(client, f"/sitemap-{code}.xml")
        assert entries and all(url.startswith(f"{BASE}/{code}/") for url in entries)
    index = xml(client, "/sitemap.xml")
    assert all(item.find("sm:lastmod", NS) is not None for item in index.findall("sm:sitemap", NS))


def test_a_section_past_its_size_goes_on_on_further_pages(client, monkeypatch):
    monkeypatch.setattr(sitemaps.LanguageSitemap, "limit", 5)
    pages = [loc for loc in section_urls(client) if "/sitemap-fr.xml" in loc]
    assert pages[:2] == [BASE + "/sitemap-fr.xml", BASE + "/sitemap-fr.xml?p=2"]
    entries = sitemap_entries(client, pages)
    assert set(entries) == {
        BASE + page.url for page in public_pages() if page.url.startswith("/fr/")
    }
    assert all(len(section_entries(client, page.removeprefix(BASE))) <= 5 for page in pages)
    last = len(pages)
    assert client.get(f"/sitemap-fr.xml?p={last + 1}").status_code == 404


@pytest.mark.parametrize("url", ["/sitemap-de.xml", "/sitemap-fr.xml?p=abc", "/sitemap-fr.xml?p=0"])
def test_an_unknown_section_or_page_is_a_404(client, url):
    assert client.get(url).status_code == 404


def test_alternates_are_symmetric_and_point_at_the_translations(client):
    entries = sitemap_entries(client)
    pages = {BASE + page.url: page for page in public_pages()}
    for location, alternates in entries.items():
        page = pages[location]
        languages = {
            translation.locale.language_code
            for translation in page.get_translations(inclusive=True).live().public()
        }
        assert set(alternates) == languages | {"x-default"}, location
        # Every version lists the same set of alternates: each other, itself included.
        for code in languages:
            assert entries[alternates[code]] == alternates, (location, code)
        assert alternates["x-default"] == alternates["fr"]
        language = urlsplit(location).path.split("/")[1]
        assert alternates[language] == location


def test_lastmod_is_the_last_publication_date(client):
    root = xml(client, "/sitemap-fr.xml")
    home = Page.objects.get(url_path="/accueil/", locale__language_code="fr")
    lastmods = {
        url.find("sm:loc", NS).text: url.find("sm:lastmod", NS).text
        for url in root.findall("sm:url", NS)
    }
    # The site's local date, as Django's sitemap writes it (not UTC's: they differ near midnight).
    assert lastmods[BASE + "/fr/"] == localtime(home.last_published_at).date().isoformat()


def test_drafts_private_pages_and_search_pages_are_left_out(client):
    pages = {page.url: page for page in public_pages()}
    private = pages["/fr/espace-presse/"]
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    draft = pages["/en/contact/"]
    draft.unpublish()
    entries = sitemap_entries(client)
    assert BASE + "/fr/espace-presse/" not in entries
    assert BASE + "/en/contact/" not in entries
    # The French contact page lost its English alternate; nothing points at the draft.
    assert "en" not in entries[BASE + "/fr/contact-et-acces/"]
    assert all(BASE + "/en/contact/" not in links.values() for links in entries.values())
    search_types = [
        model
        for model in {type(page) for page in Page.objects.live().specific()}
        if getattr(model, "exclude_from_sitemap", False)
    ]
    for model in search_types:
        for page in model.objects.live():
            assert BASE + page.url not in entries


def head_alternates(client, url):
    document = BeautifulSoup(client.get(url).content, "html.parser")
    return {
        link["hreflang"]: link["href"]
        for link in document.find_all("link", rel="alternate", hreflang=True)
    }


def test_a_page_without_translation_says_the_same_in_the_head_and_the_sitemap(client):
    home = Page.objects.get(url_path="/accueil/", locale__language_code="fr")
    orphan = home.add_child(
        instance=SitemapPage(title="Seulement en français", slug="seulement-en-francais")
    )
    orphan.save_revision().publish()
    url = BASE + "/fr/seulement-en-francais/"
    expected = {"fr": url, "x-default": url}
    assert sitemap_entries(client)[url] == expected
    assert head_alternates(client, url) == expected


def test_an_english_page_whose_french_was_withdrawn_keeps_an_x_default(client):
    french = Page.objects.get(url_path="/accueil/contact-et-acces/", locale__language_code="fr")
    english = french.get_translations().get()
    french.unpublish()
    url = BASE + english.url
    expected = {"en": url, "x-default": url}
    assert sitemap_entries(client)[url] == expected
    assert head_alternates(client, url) == expected


def queries_with_five_more_pages(client, url):
    """The queries of url before and after five more published pages (warm both times)."""

    def queries():
        client.get(url)  # warm per-process caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured)

    before = queries()
    home = Page.objects.get(url_path="/accueil/", locale__language_code="fr")
    for index in range(5):
        page = home.add_child(instance=SitemapPage(title=f"Page {index}", slug=f"page-{index}"))
        page.save_revision().publish()
    return before, queries()


@pytest.mark.parametrize("url", ["/sitemap.xml", "/sitemap-fr.xml"])
def test_sitemap_queries_do_not_grow_with_the_number_of_pages(client, url):
    before, after = queries_with_five_more_pages(client, url)
    assert after == before


# robots.txt -------------------------------------------------------------------------


def test_robots_txt_points_to_the_sitemap_and_keeps_robots_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert f"Sitemap: {BASE}/sitemap.xml" in lines
    # The sitemap it names is there.
    assert client.get(urlsplit(f"{BASE}/sitemap.xml").path).status_code == 200


# A crawl finds the same pages ---------------------------------------------------------


def is_page_link(href):
    """A link to a page of the site (not a feed, a document, an image or the admin)."""
    path = urlsplit(href).path
    if urlsplit(href).netloc not in ("", "testserver"):
        return False
    if not path.startswith(("/fr/", "/en/")):
        return False
    return not any(part in path for part in ("/rss/", "/atom/"))


def crawl(client, starts):
    """Every page URL reachable by links from starts; query strings followed, not counted."""
    seen, pages, queue = set(), set(), list(starts)
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        path = urlsplit(url).path
        if not urlsplit(url).query:
            pages.add(path)
        soup = BeautifulSoup(response.content, "html.parser")
        for anchor in soup.find_all("a", href=True):
            href = urldefrag(anchor["href"])[0]
            if not href or not is_page_link(href):
                continue
            target = urlsplit(href)
            # Filters and pagination lead to pages too, but only page 1 is the page itself.
            query = target.query if target.query.startswith("page=") else ""
            next_url = target.path + (f"?{query}" if query else "")
            if next_url not in seen:
                queue.append(next_url)
    return pages


def test_a_crawl_from_both_home_pages_finds_the_pages_the_sitemap_lists(client):
    listed = {urlsplit(url).path for url in sitemap_entries(client)}
    found = crawl(client, ["/fr/", "/en/"])
    search_pages = {
        page.url
        for page in Page.objects.live().specific()
        if getattr(type(page), "exclude_from_sitemap", False)
    }
    assert found - search_pages == listed


# The site map page ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "language"), [("/fr/plan-du-site/", "fr"), ("/en/site-map/", "en")]
)
def test_site_map_page_lists_every_public_page_of_its_language_nested(client, url, language):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    nav = soup.find("nav", class_="sitemap")
    links = {a["href"] for a in nav.find_all("a")}
    expected = {page.url for page in public_pages() if page.locale.language_code == language}
    assert links == expected
    # Nested as in the tree: an objective sits in the list of the objectives page.
    objectives = Page.objects.get(
        locale__language_code=language, url_path__in=["/accueil/objectifs/", "/home/objectives/"]
    )
    anchor = nav.find("a", href=objectives.url)
    nested = {a["href"] for a in anchor.find_parent("li").find("ul").find_all("a")}
    assert nested == {child.url for child in objectives.get_children().live()}


def test_site_map_page_costs_the_same_queries_with_more_pages(client):
    before, after = queries_with_five_more_pages(client, "/fr/plan-du-site/")
    assert after == before


def test_site_map_page_leaves_out_private_pages_and_their_subpages(client):
    objectives = Page.objects.get(url_path="/accueil/objectifs/")
    PageViewRestriction.objects.create(
        page=objectives, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get("/fr/plan-du-site/")
    assert "/fr/objectifs/" not in response.content.decode()
