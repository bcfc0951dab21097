from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partenaires")

    def ready(self):
        from core.invalidation import shown_on_pages
        from partners.models import Partner

        shown_on_pages(Partner)  # home page, partners page, news items
