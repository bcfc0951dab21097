"""The two page trees say their language in the admin; the public site keeps the title."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page

from home.models import HomePage

pytestmark = pytest.mark.django_db


def home(code):
    return HomePage.objects.get(locale__language_code=code)


def test_each_home_page_says_its_language_in_the_admin():
    assert home("fr").get_admin_display_title() == f"{home('fr').title} (français)"
    assert home("en").get_admin_display_title() == f"{home('en').title} (English)"
    # The title itself, used by the public site, does not change.
    assert "(" not in home("fr").title


def test_the_explorer_root_lists_both_trees_by_language(admin_client):
    response = admin_client.get(
        reverse("wagtailadmin_explore", args=[Page.get_first_root_node().pk])
    )
    text = response.content.decode()
    assert f"{home('fr').title} (français)" in text
    assert f"{home('en').title} (English)" in text


def test_the_public_pages_keep_their_title_and_breadcrumbs(client):
    for code in ("fr", "en"):
        page = home(code).get_children().live().first().specific
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        page_text = soup.get_text()
        assert "(français)" not in page_text and "(English)" not in page_text
        assert home(code).title not in soup.title.string or "(" not in soup.title.string
