"""images/templatetags/campus_images.py: Wagtail's image tags, same HTML, lighter renders."""

from unittest import mock

import pytest
from django.template import Context, Template

from images.models import CampusImage, CampusRendition
from tests.factories import make_image

pytestmark = pytest.mark.django_db

TAGS = [
    '{% image img max-400x300 format-jpeg class="x" alt="Atrium" %}',
    "{% image img max-2400x2400 format-jpeg as hd %}{{ hd.url }} {{ hd.width }}x{{ hd.height }}",
    '{% srcset_image img width-{320,640} sizes="100vw" alt="" %}',
    '{% picture img format-{avif,webp,jpeg} fill-{640x360,960x540} sizes="50vw" loading="lazy" '
    'decoding="async" fetchpriority=False alt="Atrium" %}',
]


def render(library, tag, image):
    return Template("{% load " + library + " %}" + tag).render(Context({"img": image}))


@pytest.mark.parametrize("tag", TAGS)
def test_same_html_as_wagtails_tags(tag):
    image = make_image()
    expected = render("wagtailimages_tags", tag, image)
    assert render("campus_images", tag, image) == expected
    # Again, with the node's filters already built (a compiled template is reused).
    template = Template("{% load campus_images %}" + tag)
    assert template.render(Context({"img": image})) == expected
    assert template.render(Context({"img": image})) == expected


def test_nothing_without_an_image():
    assert render("campus_images", TAGS[0], None) == ""
    assert render("campus_images", TAGS[3], None) == ""


def test_a_prefetched_rendition_is_not_written_back_to_the_cache():
    make_image().get_rendition("max-400x300|format-jpeg")
    image = CampusImage.objects.prefetch_related("renditions").get()
    with (
        mock.patch.object(CampusRendition.cache_backend, "set") as cache_set,
        mock.patch.object(CampusRendition.cache_backend, "set_many") as cache_set_many,
    ):
        html = render("campus_images", TAGS[0], image)
    assert 'alt="Atrium"' in html
    cache_set.assert_not_called()
    cache_set_many.assert_not_called()
