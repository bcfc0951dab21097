"""« Actualités » in the admin menu: the news items of each language, and how to add one."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import admin_menu

from editorial.roles import EDITORS_GROUP, MODERATORS_GROUP
from news.models import NewsIndexPage
from tests.editorial.moderation_helpers import make_user

pytestmark = pytest.mark.django_db


def news_submenu(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    for item in admin_menu.menu_items_for_request(request):
        if item.name == "actualites":
            return [(link.label, link.url) for link in item.menu.render_component(request)]
    return None


def index(code):
    return NewsIndexPage.objects.get(locale__language_code=code)


def expected_links():
    french, english = index("fr"), index("en")
    return [
        ("Actualités (français)", reverse("wagtailadmin_explore", args=[french.pk])),
        ("News (English)", reverse("wagtailadmin_explore", args=[english.pk])),
        (
            "Ajouter une actualité",
            reverse("wagtailadmin_pages:add", args=["news", "newspage", french.pk]),
        ),
    ]


@pytest.mark.parametrize("group", [EDITORS_GROUP, MODERATORS_GROUP])
def test_the_news_menu_opens_with_the_news_of_each_language(group):
    links = news_submenu(make_user("membre", group))
    assert links[:3] == expected_links()
    # Then the snippets, as before.
    assert [label for label, _url in links[3:]] == ["Catégories", "Contacts presse"]


def test_the_links_lead_to_the_news_items_and_the_new_item_form(client):
    client.force_login(make_user("redactrice", EDITORS_GROUP))
    for _label, url in expected_links():
        assert client.get(url).status_code == 200, url
    # The English news index lists the English items.
    response = client.get(expected_links()[1][1])
    assert index("en").get_children().first().title in response.content.decode()


def test_the_sidebar_shows_them(client):
    client.force_login(make_user("redactrice", EDITORS_GROUP))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    props = json.dumps(json.loads(soup.find(id="wagtail-sidebar-props").string), ensure_ascii=False)
    assert "Ajouter une actualité" in props
    assert "Actualités (français)" in props
    for _label, url in expected_links():
        assert url in props


def test_a_user_without_page_permissions_does_not_see_them():
    user = get_user_model().objects.create_user("visiteur", password="x" * 20)
    assert news_submenu(user) is None


def test_a_missing_news_index_hides_its_link_without_an_error(client):
    index("en").delete()
    user = make_user("redactrice", EDITORS_GROUP)
    labels = [label for label, _url in news_submenu(user)]
    assert labels[:2] == ["Actualités (français)", "Ajouter une actualité"]
    client.force_login(user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
