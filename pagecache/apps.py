from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Cache des pages"

    def ready(self):
        from . import signals  # noqa: F401  (connects the purge handlers)
