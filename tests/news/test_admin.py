"""Editors can add news and manage categories and press contacts in the admin."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from news.models import NewsCategory, NewsIndexPage, NewsPage, PressContact

pytestmark = pytest.mark.django_db


def test_news_page_add_and_edit_forms_open(admin_client):
    index = NewsIndexPage.objects.get(locale__language_code="fr")
    response = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk])
    )
    assert response.status_code == 200
    assert "Date de publication" in response.content.decode()
    for page in NewsPage.objects.all():
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page.url_path


def test_snippets_open_in_the_editor(admin_client):
    PressContact.objects.create(
        locale=Locale.objects.get(language_code="fr"), name="Service de presse"
    )
    for model in (NewsCategory, PressContact):
        list_url = reverse(f"wagtailsnippets_news_{model._meta.model_name}:list")
        assert admin_client.get(list_url).status_code == 200
        for obj in model.objects.all():
            url = reverse(f"wagtailsnippets_news_{model._meta.model_name}:edit", args=[obj.pk])
            assert admin_client.get(url).status_code == 200, url


def test_phone_link_keeps_only_digits_and_plus():
    assert PressContact(phone="+33 (0)1 23-45").phone_uri == "+330123" + "45"
