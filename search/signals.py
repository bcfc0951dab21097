"""Keeps the search box's cached URLs (search.templatetags.search_tags) up to date."""

from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from search.models import SearchPage
from search.templatetags.search_tags import CACHE_KEY


@receiver(page_published, sender=SearchPage)
@receiver(page_unpublished, sender=SearchPage)
@receiver(post_delete, sender=SearchPage)
def forget_search_page_urls(sender, **kwargs):
    cache.delete(CACHE_KEY)


@receiver(page_slug_changed)
@receiver(post_page_move)
def forget_after_move(sender, instance, **kwargs):
    if issubclass(sender, SearchPage) or isinstance(instance, SearchPage):
        cache.delete(CACHE_KEY)
