from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The ground floor: what every page type and app of the site builds on.

    It imports no other app of the project (docs/architecture.md, "Layers").
    """

    name = "core"
    verbose_name = _("Socle")
