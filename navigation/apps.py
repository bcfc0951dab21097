from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NavigationConfig(AppConfig):
    name = "navigation"
    verbose_name = _("Navigation et pied de page")

    def ready(self):
        from core.invalidation import shown_on_pages
        from navigation.models import Footer

        shown_on_pages(Footer)  # on every page
