from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Actualités")

    def ready(self):
        from core.invalidation import shown_on_pages, site_wide_urls
        from news.invalidation import add_feed_urls
        from news.models import NewsCategory, PressContact

        # Categories and press contacts show on many pages; the feeds list everything.
        shown_on_pages(NewsCategory, PressContact)
        site_wide_urls(add_feed_urls)
