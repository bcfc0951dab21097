from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """How the communications team works: roles, moderation, scheduling, translation status."""

    name = "editorial"
    verbose_name = _("Travail éditorial")
