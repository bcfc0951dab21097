"""Wagtail's image tags, lighter on every render: ``{% load campus_images %}``.

``{% image %}``, ``{% srcset_image %}`` and ``{% picture %}`` take the same arguments
and write the same HTML as wagtailimages_tags, with two differences in cost only:

- each tag parses its filter specs once, when the template is compiled, and keeps its
  ``Filter`` objects (Wagtail builds them again on every render, and a new Filter looks
  up the registered operations before it can compute a rendition's focal-point key);
- ``{% image %}`` reads its rendition like the multi-rendition tags do
  (``Image.get_renditions``): one found among the image's prefetched renditions is used
  as it is, where ``Image.get_rendition`` writes it back to the renditions cache on
  every call (pickling it with its image and all of that image's renditions).
"""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags import wagtailimages_tags as wagtail_tags

register = template.Library()


def rendition_or_not_found(image, filter):
    """``get_rendition_or_not_found`` through ``get_renditions`` (see the module's docstring)."""
    # One filter, one rendition (its key is the filter's spec, cleaned for an SVG image).
    return next(iter(get_renditions_or_not_found(image, [filter]).values()))


class ImageNode(wagtail_tags.ImageNode):
    def get_filter(self):
        try:
            return self._filter
        except AttributeError:
            self._filter = super().get_filter()
            return self._filter

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        rendition = rendition_or_not_found(image, self.get_filter())
        if self.output_var_name:
            context[self.output_var_name] = rendition
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        return rendition.img_tag(attrs)


class FiltersOnce:
    """get_filters() built once per node (the template is compiled once, then cached)."""

    def get_filters(self):
        try:
            return self._filters
        except AttributeError:
            self._filters = [Filter(spec=spec) for spec in Filter.expand_spec(self.filter_specs)]
            return self._filters


class SrcsetImageNode(FiltersOnce, wagtail_tags.SrcsetImageNode):
    pass


class PictureNode(FiltersOnce, wagtail_tags.PictureNode):
    pass


NODES = {"image": ImageNode, "srcset_image": SrcsetImageNode, "picture": PictureNode}


def image_tag(parser, token):
    """Wagtail's parser (same syntax, same errors), then this module's node."""
    node = wagtail_tags.image(parser, token)
    return NODES[token.split_contents()[0]](
        node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
    )


register.tag("image", image_tag)
register.tag("srcset_image", image_tag)
register.tag("picture", image_tag)


@register.simple_tag
def figure_caption(image, caption=""):
    """The caption to show: the one given where the image is used, else the image's own.

    The image's own caption is written in French (the source language): an English
    page shows only the caption it was given, translated with the page.
    """
    if caption:
        return caption
    if image is None or get_language() != settings.LANGUAGE_CODE:
        return ""
    return getattr(image, "caption", "") or ""
