from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MissionConfig(AppConfig):
    name = "mission"
    verbose_name = _("Mission, objectifs et piliers")
