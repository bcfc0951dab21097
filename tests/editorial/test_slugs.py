"""A new page's address: the first meaningful words of its title, not the whole title."""

import pytest
from django.urls import reverse

from editorial.slugs import full_slug, short_slug
from news.models import NewsIndexPage, NewsPage
from tests.editorial.moderation_helpers import EDITORS_GROUP, form_data, make_user

LONG_TITLE = "Inauguration de PariSanté Campus par le président de la République"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (LONG_TITLE, "inauguration-parisante-campus-president-republique"),
        ("L’hôpital d’aujourd’hui et l'innovation", "hopital-aujourdhui-innovation"),
        ("Données de santé : un accord avec l'Inserm en 2024", "donnees-sante-accord-inserm-2024"),
        ("The future of health data in Europe and beyond", "future-health-data-europe-beyond"),
        # Only stop words: they are kept rather than leaving no address at all.
        ("À la une", "a-la-une"),
        ("Campus", "campus"),
        ("!!!", ""),
    ],
)
def test_short_slug(title, slug):
    assert short_slug(title) == slug


def test_short_slug_keeps_to_sixty_characters_and_whole_words():
    title = "Anticorps monoclonaux " * 4 + "épidémiologie"
    slug = short_slug(title)
    assert len(slug) <= 60
    assert slug == "anticorps-monoclonaux-anticorps-monoclonaux-anticorps"
    assert len(short_slug("x" * 80)) == 60


def add_url():
    index = NewsIndexPage.objects.get(locale__language_code="fr")
    return reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk])


def post_new_article(client, title, slug):
    response = client.get(add_url())
    data = form_data(
        response, title=title, slug=slug, standfirst="Deux phrases.", **{"action-submit": ""}
    )
    data.pop("action-publish", None)
    return client.post(add_url(), data)


@pytest.fixture
def editor_client(client, db):
    client.force_login(make_user("redactrice", EDITORS_GROUP))
    return client


@pytest.mark.django_db
def test_an_automatic_slug_becomes_the_short_slug(editor_client):
    # Wagtail's editor fills the slug with the whole slugified title.
    response = post_new_article(editor_client, LONG_TITLE, full_slug(LONG_TITLE))
    assert response.status_code == 302
    page = NewsPage.objects.get(title=LONG_TITLE)
    assert page.slug == "inauguration-parisante-campus-president-republique"


@pytest.mark.django_db
def test_an_empty_slug_becomes_the_short_slug(editor_client):
    post_new_article(editor_client, LONG_TITLE, "")
    assert NewsPage.objects.get(title=LONG_TITLE).slug == (
        "inauguration-parisante-campus-president-republique"
    )


@pytest.mark.django_db
def test_a_typed_slug_is_kept(editor_client):
    post_new_article(editor_client, LONG_TITLE, "inauguration-2022")
    assert NewsPage.objects.get(title=LONG_TITLE).slug == "inauguration-2022"


@pytest.mark.django_db
def test_a_short_slug_already_taken_gets_a_number(editor_client):
    post_new_article(editor_client, LONG_TITLE, full_slug(LONG_TITLE))
    other = LONG_TITLE + " en 2022"
    post_new_article(editor_client, other, full_slug(other))
    assert NewsPage.objects.get(title=other).slug == (
        "inauguration-parisante-campus-president-republique-2"
    )


@pytest.mark.django_db
def test_the_slug_of_a_published_page_does_not_change(admin_client):
    page = NewsPage.objects.filter(locale__language_code="fr").live().first()
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(admin_client.get(edit_url), title=LONG_TITLE, slug=full_slug(LONG_TITLE))
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().slug == full_slug(LONG_TITLE)
