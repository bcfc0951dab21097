from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeoConfig(AppConfig):
    name = "seo"
    verbose_name = _("Référencement")

    def ready(self):
        from core.invalidation import site_wide_urls
        from seo.views import add_sitemap_urls

        site_wide_urls(add_sitemap_urls)
