from wagtail import hooks

from core.rich_text import LocalizedPageLinkHandler


@hooks.register("register_rich_text_features", order=1)
def localized_page_links(features):
    # After Wagtail's own registration (order 0), which this one replaces.
    features.register_link_type(LocalizedPageLinkHandler)
