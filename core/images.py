"""A page's image and its renditions in a fixed number of queries."""

from django.db.models import Prefetch
from wagtail.images import get_image_model


def _renditions():
    return Prefetch("renditions", queryset=get_image_model().get_rendition_model().objects.all())


def load_page_image(page):
    """Give a page its image with every rendition in one prefetch.

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
