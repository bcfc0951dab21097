from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search: the results page of each language and its full-text backend."""

    name = "search"
    verbose_name = _("Recherche sur le site")
