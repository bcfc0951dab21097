from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """How the communications team works: roles, moderation, scheduling, translation status."""

    name = "editorial"
    verbose_name = _("Travail éditorial")

    def ready(self):
        from wagtail_localize.models import TranslationLog

        from .live_status import keep_live_after_translation

        # wagtail-localize logs every translation it creates or updates, once saved.
        post_save.connect(
            keep_live_after_translation,
            sender=TranslationLog,
            dispatch_uid="editorial.keep_live_after_translation",
        )
