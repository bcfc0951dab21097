from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.pages import CampusPageMixin
from search.results import search_context


class SearchPage(CampusPageMixin, Page):
    """« Recherche » / « Search »: the results page of its language, one per home page.

    Its address comes from Wagtail's routing (/fr/recherche/, /en/search/); the
    header's search box sends its query there (search.templatetags.search_tags).
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    # Nothing to index: it is never a search result; nor is it listed in site maps.
    search_fields = []
    exclude_from_sitemap = True

    class Meta:
        verbose_name = _("page de recherche")
        verbose_name_plural = _("pages de recherche")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(search_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        # Results depend on the query and must never be stored by a browser or proxy.
        response = super().serve(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response
