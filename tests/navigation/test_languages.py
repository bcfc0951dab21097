"""What a visitor sees of the two languages: prefixes, redirects, lang, alternates, switcher."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page

from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def alternates(document):
    return {
        link["hreflang"]: urlsplit(link["href"]).path
        for link in document.find_all("link", rel="alternate", hreflang=True)
    }


def switcher_links(document):
    """{language code: href} of the header's language switcher."""
    links = {}
    for link in document.select("header a[hreflang]"):
        links[link["hreflang"]] = link["href"]
    return links


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("en-GB,en;q=0.9", "/en/"), ("fr-FR,fr;q=0.9", "/fr/"), ("de-DE", "/fr/"), (None, "/fr/")],
)
def test_root_redirects_to_preferred_language(client, accept, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected


def live_pages():
    return Page.objects.live().filter(depth__gte=2).specific()


def test_every_page_has_its_language_and_symmetric_alternates(client):
    pages = list(live_pages())
    assert len(pages) >= 2 * 12
    for page in pages:
        code = page.locale.language_code
        url = page.url
        assert url.startswith(f"/{code}/"), url
        document = soup(client.get(url))
        assert document.html["lang"] == code
        found = alternates(document)
        translation = page.get_translations().live().get()
        other = translation.locale.language_code
        assert found[code] == url
        assert found[other] == translation.url
        assert found["x-default"] == (url if code == "fr" else translation.url)
        # The translation points back here: alternates are symmetric.
        assert alternates(soup(client.get(translation.url)))[code] == url
        # The switcher leads to the translation of this page, not to a home page.
        assert switcher_links(document)[other] == translation.url


def test_slugs_are_translated(client):
    about_fr = Page.objects.get(url_path__endswith="/le-campus/", locale__language_code="fr")
    about_en = about_fr.get_translation(Locale.objects.get(language_code="en"))
    assert about_fr.url == "/fr/le-campus/"
    assert about_en.url == "/en/about/"


def test_untranslated_page_switches_to_other_home_with_notice(client):
    home_fr = HomePage.objects.get(locale__language_code="fr")
    page = home_fr.add_child(
        instance=StandardPage(title="Page seulement en français", slug="seulement-en-francais")
    )
    page.save_revision().publish()
    document = soup(client.get("/fr/seulement-en-francais/"))
    home_en = home_fr.get_translation(Locale.objects.get(language_code="en"))
    assert switcher_links(document)["en"] == home_en.url
    notice = document.find(lang="en", string=lambda text: text and "not available" in text)
    assert notice is not None
    # No alternate may claim a translation that does not exist.
    assert "en" not in alternates(document)


def test_interface_strings_follow_the_url_language(client):
    fr = soup(client.get("/fr/"))
    en = soup(client.get("/en/"))
    assert fr.find("a", href="#main").get_text(strip=True) == "Aller au contenu"
    assert en.find("a", href="#main").get_text(strip=True) == "Skip to content"


@pytest.mark.parametrize("accept", ["fr-FR,fr;q=0.9", None])
def test_admin_speaks_french_to_french_speaking_staff(client, accept):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
    response = client.get("/admin/login/", **headers)
    assert response.status_code == 200
    assert "S'identifier" in BeautifulSoup(response.content, "html.parser").title.get_text()


def test_admin_dashboard_in_french_for_staff_without_preference(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaction", "r@example.org", "x" * 12)
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").html["lang"] == "fr"


def test_crawl_both_languages_by_following_links(client):
    """A visitor following links from each home page meets no broken link and no error."""
    seen, queue = set(), ["/fr/", "/en/"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        if "text/html" not in response["Content-Type"]:
            continue
        document = BeautifulSoup(response.content, "html.parser")
        for link in document.find_all("a", href=True):
            parts = urlsplit(link["href"])
            if parts.netloc or parts.scheme or not parts.path.startswith("/"):
                continue
            if parts.path.startswith(("/admin/", "/static/")):
                continue
            queue.append(parts.path)
    assert {"/fr/le-campus/", "/en/about/"} <= seen
    assert len(seen) >= 24


@pytest.mark.parametrize(
    ("url", "language", "heading"),
    [
        ("/fr/nexiste-pas/", "fr", "Page introuvable"),
        ("/en/does-not-exist/", "en", "Page not found"),
    ],
)
def test_not_found_page_speaks_the_url_language(client, url, language, heading):
    response = client.get(url)
    assert response.status_code == 404
    document = BeautifulSoup(response.content, "html.parser")
    assert document.html["lang"] == language
    assert document.find("h1").get_text(strip=True) == heading
    assert document.find("a", href=f"/{language}/")
