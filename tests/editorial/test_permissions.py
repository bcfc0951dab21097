"""Who may do what in the admin: every role against every action, through direct URLs.

Each action is attempted for real with the Django test client, the way a
browser would (GET the admin form, POST it back), then judged by its effect in
the database, not by the page shown: a refused action must leave no trace,
whatever the view answers. The matrix is the one documented in
editorial/migrations/0001_roles.py.
"""

import importlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.models import Collection, Locale, Page

from home.models import StandardPage
from images.models import CampusImage
from news.models import PressContact
from partners.models import Partner
from tests.editorial.moderation_helpers import (
    add_standard_page,
    form_data,
    french_home,
    make_role_users,
)
from tests.factories import make_image

pytestmark = pytest.mark.django_db


def png_upload(name="photo.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (0, 117, 122)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def snippet_url(action, *args):
    return reverse(Partner.snippet_viewset.get_url_name(action), args=args)


def post_form(client, url, **overrides):
    """GET the admin form and POST it back changed; POST the overrides alone if refused."""
    response = client.get(url)
    data = form_data(response, **overrides) if response.status_code == 200 else overrides
    return client.post(url, data)


def draft_partner(name="Partenaire en attente"):
    partner = Partner.objects.create(
        locale=Locale.objects.get(language_code="fr"), name=name, kind="company", live=False
    )
    partner.save_revision()
    return partner


# Pages ----------------------------------------------------------------------


def page_add(client, user):
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", french_home().pk))
    post_form(client, url, title="Page ajoutée", slug="page-ajoutee", intro="", **{"body-count": 0})
    return StandardPage.objects.filter(slug="page-ajoutee").exists()


def page_edit(client, user):
    page = add_standard_page("Page à relire")
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    post_form(client, url, title="Page relue", **{"body-count": 0})
    page.refresh_from_db()
    # A draft: the live page keeps its title until someone publishes.
    return page.title == "Page à relire" and page.get_latest_revision().content["title"] == (
        "Page relue"
    )


def page_submit(client, user):
    page = add_standard_page("Page à soumettre", live=False)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    post_form(client, url, **{"action-submit": "action-submit", "body-count": 0})
    return Page.objects.get(pk=page.pk).workflow_in_progress


def page_publish(client, user):
    page = add_standard_page("Page à publier", live=False)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    post_form(client, url, **{"action-publish": "action-publish", "body-count": 0})
    return Page.objects.get(pk=page.pk).live


def page_unpublish(client, user):
    page = add_standard_page("Page à retirer")
    client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
    return not Page.objects.get(pk=page.pk).live


def page_lock(client, user):
    page = add_standard_page("Page à verrouiller")
    client.post(reverse("wagtailadmin_pages:lock", args=(page.pk,)))
    return Page.objects.get(pk=page.pk).locked


def page_delete(client, user):
    page = add_standard_page("Page publiée à supprimer")
    client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))
    return not Page.objects.filter(pk=page.pk).exists()


def page_delete_draft(client, user):
    page = add_standard_page("Brouillon à supprimer", live=False)
    client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))
    return not Page.objects.filter(pk=page.pk).exists()


def page_translate(client, user):
    page = add_standard_page("Page à traduire")
    english = Locale.objects.get(language_code="en")
    url = reverse("wagtail_localize:submit_page_translation", args=(page.pk,))
    post_form(client, url, locales=[english.pk])
    return Page.objects.filter(translation_key=page.translation_key, locale=english).exists()


# Partners (a snippet with a draft state) --------------------------------------


def partner_add(client, user):
    url = snippet_url("add") + "?locale=fr"
    post_form(client, url, name="Nouveau partenaire", kind="company", sort_order=0)
    return Partner.objects.filter(name="Nouveau partenaire").exists()


def partner_edit(client, user):
    partner = Partner.objects.get(locale__language_code="fr", acronym="Inria")
    post_form(client, snippet_url("edit", partner.pk), name="Inria modifié")
    partner.refresh_from_db()
    latest = partner.latest_revision
    return latest is not None and latest.content["name"] == "Inria modifié"


def partner_publish(client, user):
    partner = draft_partner()
    post_form(client, snippet_url("edit", partner.pk), **{"action-publish": "action-publish"})
    return Partner.objects.get(pk=partner.pk).live


def partner_delete(client, user):
    partner = draft_partner("Partenaire à supprimer")
    client.post(snippet_url("delete", partner.pk))
    return not Partner.objects.filter(pk=partner.pk).exists()


# Images and documents ---------------------------------------------------------


def image_add(client, user):
    client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Photo ajoutée",
            "file": png_upload(),
            "collection": Collection.get_first_root_node().pk,
            "credit": "© Test",
        },
    )
    return CampusImage.objects.filter(title="Photo ajoutée").exists()


def image_edit_others(client, user):
    image = make_image(title="Photo d'un collègue")
    post_form(client, reverse("wagtailimages:edit", args=(image.pk,)), title="Photo renommée")
    return CampusImage.objects.get(pk=image.pk).title == "Photo renommée"


def document_add(client, user):
    client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Dossier ajouté",
            "file": SimpleUploadedFile("dossier.pdf", b"%PDF-1.4\n%%EOF\n" * 64),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    return Document.objects.filter(title="Dossier ajouté").exists()


ACTIONS = {
    # action: (editor, moderator, administrator)
    "page_add": (page_add, True, True, True),
    "page_edit": (page_edit, True, True, True),
    "page_submit": (page_submit, True, True, True),
    "page_publish": (page_publish, False, True, True),
    "page_unpublish": (page_unpublish, False, True, True),
    "page_lock": (page_lock, False, True, True),
    "page_delete": (page_delete, False, True, True),
    "page_delete_draft": (page_delete_draft, True, True, True),
    "page_translate": (page_translate, True, True, True),
    "partner_add": (partner_add, True, True, True),
    "partner_edit": (partner_edit, True, True, True),
    "partner_publish": (partner_publish, False, True, True),
    "partner_delete": (partner_delete, False, True, True),
    "image_add": (image_add, True, True, True),
    "image_edit_others": (image_edit_others, False, True, True),
    "document_add": (document_add, True, True, True),
}
ROLES = ("editor", "moderator", "admin")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_permission_matrix(client, role, action):
    users = make_role_users()
    client.force_login(users[role])
    attempt, *expected = ACTIONS[action]
    assert attempt(client, users[role]) is expected[ROLES.index(role)]


@pytest.mark.parametrize("action", ACTIONS)
def test_anonymous_visitors_change_nothing(client, action):
    attempt = ACTIONS[action][0]
    assert attempt(client, None) is False


ADMIN_URLS = [
    lambda: reverse("wagtailadmin_home"),
    lambda: reverse("wagtailadmin_pages:add", args=("home", "standardpage", french_home().pk)),
    lambda: reverse("wagtailadmin_pages:edit", args=(french_home().pk,)),
    lambda: reverse("wagtailadmin_pages:unpublish", args=(french_home().pk,)),
    lambda: snippet_url("add"),
    lambda: reverse("wagtailimages:add"),
    lambda: reverse("wagtaildocs:add"),
    lambda: reverse("wagtail_localize:submit_page_translation", args=(french_home().pk,)),
]


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_anonymous_visitors_are_sent_to_the_login_page(client, url):
    response = client.get(url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_both_roles_enter_the_admin(client, role):
    client.force_login(make_role_users()[role])
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_editors_see_no_publish_button(client):
    page = add_standard_page("Page sans bouton")
    users = make_role_users()
    client.force_login(users["editor"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html
    client.force_login(users["moderator"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert 'name="action-publish"' in html


@pytest.mark.parametrize(
    "model_name",
    ["partners.partner", "news.newscategory", "news.presscontact", "navigation.footer"],
)
def test_snippet_listings_show_their_publication_status(client, model_name):
    app_label, model = model_name.split(".")
    # The content has no press contact: one draft, never published.
    PressContact.objects.create(
        locale=Locale.objects.get(language_code="fr"), name="Camille Martin", live=False
    )
    client.force_login(make_role_users()["editor"])
    response = client.get(reverse(f"wagtailsnippets_{app_label}_{model}:list"))
    assert response.status_code == 200
    assert "Statut" in response.content.decode()


def test_the_role_migrations_can_run_again_without_adding_anything():
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupCollectionPermission, GroupPagePermission, WorkflowTask

    roles = importlib.import_module("editorial.migrations.0001_roles")
    workflow = importlib.import_module("editorial.migrations.0002_moderation_workflow")

    def counts():
        return [
            model.objects.count()
            for model in (
                Group,
                Permission,
                GroupPagePermission,
                GroupCollectionPermission,
                WorkflowTask,
            )
        ] + [
            Group.objects.get(name=name).permissions.count() for name in ("Rédaction", "Validation")
        ]

    before = counts()
    roles.create_roles(apps, None)
    workflow.create_workflow(apps, None)
    assert counts() == before


def test_an_editors_translation_request_publishes_nothing(
    client, django_capture_on_commit_callbacks
):
    users = make_role_users()
    client.force_login(users["editor"])
    # wagtail-localize publishes once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        assert page_translate(client, users["editor"])
    english = Page.objects.get(locale__language_code="en", title="Page à traduire")
    assert not english.live
