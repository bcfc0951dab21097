"""Cached fragments (menu, language links, footer, partner strips, latest news, the news
index's page of items) follow every publication.

Fragments are keyed on the content version (core/version.py, bumped once a change is
committed) and on a generation bumped at once inside the transaction (core/version.py).
Each test renders first, so the fragments are cached, then publishes, then checks the next
render: once as a test runs (no commit: the generation), once with the commit callbacks
executed (the content version too), and once with the content version alone.
"""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page

from core import version
from home.models import HomePage, StandardPage
from navigation.models import Footer
from news.models import NewsPage
from partners.models import Partner
from tests.news.helpers import add_news, news_index

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture
def page_cache_off():
    """The full-page cache (pagecache/) off: these tests are about the fragments under it."""
    with override_settings(PAGE_CACHE=False):
        yield


@pytest.fixture(params=["in the transaction", "committed"])
def publish(request, django_capture_on_commit_callbacks):
    """Publish an object's latest revision, with or without running the commit callbacks."""

    def run(obj):
        if request.param == "committed":
            with django_capture_on_commit_callbacks(execute=True):
                obj.save_revision().publish()
        else:
            obj.save_revision().publish()

    return run


def render(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def menu_titles(document):
    return [a.get_text(strip=True) for a in document.select(".main-nav__wide a")]


def test_menu_footer_and_links_cost_nothing_once_cached(client):
    """The second render of a page runs no query for its header and footer."""
    client.get("/fr/le-campus/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/fr/le-campus/")
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "navigation_footer" not in sql
    assert "partners_partner" not in sql
    assert "wagtailcore_pageviewrestriction" not in sql
    # At most the Site, the Locale, the home page (Wagtail's serve view), then the page
    # and its .specific (Wagtail's routing of one URL segment).
    assert len(queries) <= 5


def test_renaming_a_menu_page_shows_on_the_next_render(client, publish):
    page = Page.objects.get(url_path="/accueil/le-campus/").specific
    assert page.title in menu_titles(render(client, "/fr/"))
    page.title = "Un campus renommé"
    publish(page)
    document = render(client, "/fr/actualites/")
    assert "Un campus renommé" in menu_titles(document)
    # On the page's own address too (the route is cached as well) and in its breadcrumbs.
    document = render(client, "/fr/le-campus/")
    assert document.find("h1").get_text(strip=True) == "Un campus renommé"


def test_a_new_top_level_page_joins_the_menu(client, publish):
    home = HomePage.objects.get(locale__language_code="fr")
    assert "Nouvelle rubrique" not in menu_titles(render(client, "/fr/"))
    page = home.add_child(
        instance=StandardPage(title="Nouvelle rubrique", slug="nouvelle-rubrique", live=False)
    )
    page.show_in_menus = True
    publish(page)
    assert "Nouvelle rubrique" in menu_titles(render(client, "/fr/"))
    assert render(client, "/fr/nouvelle-rubrique/").find("h1").get_text() == "Nouvelle rubrique"


def test_unpublishing_a_menu_page_removes_it_and_its_address(
    client, django_capture_on_commit_callbacks
):
    page = Page.objects.get(url_path="/accueil/le-campus/").specific
    render(client, "/fr/le-campus/")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert page.title not in menu_titles(render(client, "/fr/"))
    assert client.get("/fr/le-campus/").status_code == 404


def test_a_footer_change_shows_on_the_next_render(client, publish):
    footer = Footer.objects.get(locale__language_code="en")
    assert "+33 1 99 99 99 99" not in render(client, "/en/").find("footer").get_text()
    footer.contact_phone = "+33 1 99 99 99 99"
    publish(footer)
    assert "+33 1 99 99 99 99" in render(client, "/en/about/").find("footer").get_text()


def test_a_partner_change_shows_in_the_strips(client, publish):
    partner = Partner.objects.filter(
        locale__language_code="fr", live=True, show_on_home_page=True
    ).first()
    assert partner.name in render(client, "/fr/").get_text()
    partner.name = "Un partenaire renommé"
    publish(partner)
    text = render(client, "/fr/").get_text()
    assert "Un partenaire renommé" in text


def news_titles(document):
    """The titles of the news cards (the dated ones: pillars and objectives have none)."""
    return [a.get_text(strip=True) for a in document.select("li.card:has(.card__date) .card__link")]


def test_a_news_publication_shows_on_the_home_page_and_the_index(client, publish):
    """The home page's latest news and the index's first page are cached, then follow."""
    assert "Tout nouveau" not in news_titles(render(client, "/fr/"))
    index_url = news_index("fr").url
    before = news_titles(render(client, index_url))
    page = news_index("fr").add_child(
        instance=NewsPage(
            title="Tout nouveau",
            slug="tout-nouveau",
            standfirst="Chapô",
            publication_date=timezone.now(),
            live=False,
        )
    )
    publish(page)
    assert news_titles(render(client, "/fr/"))[0] == "Tout nouveau"
    after = news_titles(render(client, index_url))
    assert after[0] == "Tout nouveau" and after[1:] == before[: len(after) - 1]


def test_a_new_translation_shows_in_the_language_links(client, publish):
    """The switcher and hreflang of a page follow its translations."""
    page = add_news(1, "fr", prefix="Inédit")[0]
    document = render(client, page.url)
    assert document.find("link", hreflang="en") is None
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Now in English"
    publish(english)
    document = render(client, page.url)
    assert document.find("link", hreflang="en")["href"].endswith(english.url)


def test_fragments_are_keyed_on_the_content_version(client):
    """A change made without any signal shows only once the content version moves."""
    render(client, "/fr/")
    Page.objects.filter(url_path="/accueil/le-campus/").update(title="Renommé en douce")
    assert "Renommé en douce" not in menu_titles(render(client, "/fr/"))
    version.bump()
    assert "Renommé en douce" in menu_titles(render(client, "/fr/"))


def test_fragments_hold_no_per_visitor_content(client, admin_client):
    """An editor's render never fills a fragment a visitor gets: no userbar, no CSRF token."""
    cache.clear()
    admin_client.get("/fr/")
    html = client.get("/fr/").content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "wagtail-userbar" not in html
