"""Communications staff can edit every page type and snippet in the admin, in both languages."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from mission.models import (
    MissionPage,
    ObjectiveIndexPage,
    ObjectivePage,
    PillarIndexPage,
    PillarPage,
)
from navigation.models import Footer
from partners.models import Partner, PartnersPage

pytestmark = pytest.mark.django_db


def test_every_page_opens_in_the_editor_in_both_languages(admin_client):
    pages = Page.objects.filter(depth__gte=2)
    assert pages.count() >= 26
    for page in pages:
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, (page.url_path, response.status_code)


def test_every_snippet_opens_in_the_editor(admin_client):
    for model in (Partner, Footer):
        for obj in model.objects.all():
            url = reverse(
                f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:edit",
                args=[obj.pk],
            )
            assert admin_client.get(url).status_code == 200, url


def test_new_pages_can_be_added_where_the_tree_allows(admin_client):
    home = HomePage.objects.get(locale__language_code="fr")
    for model in (StandardPage,):
        url = reverse(
            "wagtailadmin_pages:add",
            args=[model._meta.app_label, model._meta.model_name, home.pk],
        )
        assert admin_client.get(url).status_code == 200


class TestTreeRules(WagtailPageTestCase):
    def test_parent_and_child_types(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(ObjectiveIndexPage, {ObjectivePage})
        self.assertAllowedSubpageTypes(PillarIndexPage, {PillarPage})
        self.assertAllowedParentPageTypes(ObjectivePage, {ObjectiveIndexPage})
        self.assertAllowedParentPageTypes(PillarPage, {PillarIndexPage})
        self.assertAllowedParentPageTypes(MissionPage, {HomePage})
        self.assertAllowedParentPageTypes(PartnersPage, {HomePage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(HomePage, ObjectivePage)
