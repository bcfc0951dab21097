from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff sign-in: django-allauth (two-factor authentication) and django-axes (lockout)."""

    name = "accounts"
    verbose_name = _("Comptes de l'administration")
