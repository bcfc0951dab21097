"""Publishing purges every page that shows the change, through Wagtail's frontend cache.

The purge runs once the transaction commits: these tests execute the commit
callbacks (``django_capture_on_commit_callbacks``) as a real request would.
"""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from campus.settings.base import frontend_cache_backends
from home.models import HomePage, StandardPage
from mission.models import MissionPage
from navigation.models import Footer
from news.models import NewsIndexPage, NewsPage
from partners.models import Partner, PartnersPage
from tests.editorial.test_safety import edit_form_data
from tests.pagecache import recording

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {
        **settings.WAGTAILFRONTENDCACHE,
        "cdn": {"BACKEND": "tests.pagecache.recording.RecordingBackend"},
    }
    recording.PURGED.clear()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a change as if it committed: its purge callbacks execute."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def article(code="fr"):
    """The latest article: the one the home page shows too."""
    news = NewsPage.objects.live().filter(locale__language_code=code)
    return news.order_by("-publication_date").first()


def pages_showing_news(code="fr"):
    locale = Locale.objects.get(language_code=code)
    index = NewsIndexPage.objects.get(locale=locale)
    return [
        article(code).url,
        index.url,
        index.url + "rss/",
        index.url + "atom/",
        HomePage.objects.get(locale=locale).url,
        f"/sitemap-{code}.xml",
        "/sitemap.xml",
    ]


def warm(client, urls):
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Cache"] == "HIT", url


def test_publishing_an_article_in_the_admin_purges_every_page_that_shows_it(
    client, admin_client, commit
):
    page = article()
    urls = pages_showing_news()
    warm(client, urls)
    data = edit_form_data(admin_client, page, title="Un titre tout neuf")
    data["action-publish"] = "action-publish"
    with commit():
        response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    for url in urls:
        response = client.get(url)
        assert response["X-Cache"] == "MISS", url
        if not url.startswith("/sitemap"):
            assert "Un titre tout neuf" in response.content.decode(), url


def test_the_cdn_is_sent_the_page_in_both_languages_its_listings_feeds_and_sitemap(commit):
    page = article()
    with commit():
        page.save_revision().publish()
    purged = {url.removeprefix("http://testserver") for url in recording.PURGED}
    english = page.get_translation(Locale.objects.get(language_code="en"))
    expected = set(pages_showing_news("fr")) | {english.url}
    expected |= set(pages_showing_news("en")) - {article("en").url}
    category_feed = NewsIndexPage.objects.get(locale=page.locale).url + "rss/actualite/"
    expected |= {"/robots.txt", category_feed}
    assert expected <= purged
    # Not the whole site: an unrelated page stays in the CDN.
    assert PartnersPage.objects.get(locale=page.locale).url not in purged


def test_unpublishing_removes_the_page_at_once(client, commit):
    page = article()
    warm(client, [page.url])
    with commit():
        page.unpublish()
    assert client.get(page.url).status_code == 404


def test_deleting_a_page_removes_it_at_once(client, commit):
    page = article()
    url = page.url
    warm(client, [url, NewsIndexPage.objects.get(locale=page.locale).url])
    with commit():
        page.delete()
    assert client.get(url).status_code == 404
    assert f"http://testserver{url}" in recording.PURGED


def test_moving_a_page_purges_its_old_and_new_addresses(client, commit):
    page = StandardPage.objects.live().filter(locale__language_code="fr").first()
    old_url = page.url
    new_parent = MissionPage.objects.get(locale=page.locale)
    warm(client, [old_url, new_parent.url])
    with commit():
        page.move(new_parent, pos="last-child")
    new_url = StandardPage.objects.get(pk=page.pk).url
    # Wagtail redirects the old address to the new one.
    response = client.get(old_url)
    assert (response.status_code, response["Location"]) == (301, new_url)
    assert client.get(new_url).status_code == 200
    assert client.get(new_parent.url)["X-Cache"] == "MISS"
    assert {f"http://testserver{old_url}", f"http://testserver{new_url}"} <= set(recording.PURGED)


def test_publishing_a_partner_purges_the_pages_that_show_partners(client, commit):
    partner = Partner.objects.filter(locale__language_code="fr", live=True).first()
    partners_page = PartnersPage.objects.get(locale=partner.locale).url
    warm(client, [partners_page, "/fr/"])
    partner.name = "Un partenaire renommé"
    with commit():
        partner.save_revision().publish()
    response = client.get(partners_page)
    assert response["X-Cache"] == "MISS"
    assert "Un partenaire renommé" in response.content.decode()


def test_publishing_the_footer_purges_every_page(client, commit):
    footer = Footer.objects.get(locale__language_code="en")
    urls = pages_showing_news("en")
    warm(client, urls)
    footer.contact_phone = "+33 1 23 45 67 89"
    with commit():
        footer.save_revision().publish()
    for url in urls[:-2]:  # pages, not the site maps
        response = client.get(url)
        assert response["X-Cache"] == "MISS", url
    assert "+33 1 23 45 67 89" in client.get("/en/").content.decode()


def test_saving_a_draft_leaves_the_cache_alone(client, commit):
    page = article()
    warm(client, [page.url])
    page.title = "Brouillon pas encore relu"
    with commit():
        page.save_revision()
    response = client.get(page.url)
    assert response["X-Cache"] == "HIT"
    assert "Brouillon pas encore relu" not in response.content.decode()


def test_a_cdn_is_configured_from_the_environment(monkeypatch):
    assert set(frontend_cache_backends()) == {"pagecache"}
    monkeypatch.setenv("FRONTEND_CACHE_PURGE_URL", "http://varnish.internal:6081")
    monkeypatch.setenv("CLOUDFLARE_ZONE_ID", "zone")
    monkeypatch.setenv("CLOUDFLARE_BEARER_TOKEN", "token")
    monkeypatch.setenv("FRONTEND_CACHE_HOSTNAMES", "parisantecampus.fr")
    backends = frontend_cache_backends()
    assert backends["proxy"]["LOCATION"] == "http://varnish.internal:6081"
    assert backends["cloudflare"]["ZONEID"] == "zone"
    assert backends["cloudflare"]["BEARER_TOKEN"] == "token"  # noqa: S105
    assert backends["proxy"]["HOSTNAMES"] == ["parisantecampus.fr"]
    assert "HOSTNAMES" not in backends["pagecache"]  # the site's own cache purges every host
