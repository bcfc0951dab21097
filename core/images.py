"""A page's image and its renditions in a fixed number of queries."""

from django.db.models import Prefetch
from wagtail.images import get_image_model


def _renditions():
    return Prefetch("renditions", queryset=get_image_model().get_rendition_model().objects.all())


def page_image_queryset(queryset):
    """select_related the page's image, with its renditions in one more query."""
    renditions = get_image_model().get_rendition_model().objects.all()
    return queryset.select_related("image").prefetch_related(
        Prefetch("image__renditions", queryset=renditions)
    )


def load_page_image(page):
    """Give a page fetched without ``page_image_queryset`` its image and renditions.

    Two queries when the page has an image and it is not loaded yet, none otherwise;
    every rendition its templates ask for (figure, share image, HD download) then
    comes from the prefetch.
    """
    if page.image_id and not type(page).image.is_cached(page):
        page.image = (
            get_image_model()
            .objects.filter(pk=page.image_id)
            .prefetch_related(_renditions())
            .first()
        )
    return page
