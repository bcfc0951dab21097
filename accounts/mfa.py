"""Who must use two-factor authentication to enter the admin."""

from allauth.mfa.models import Authenticator
from django.conf import settings

# Anyone who may manage accounts acts as an administrator.
ADMINISTRATOR_PERMISSIONS = ("auth.add_user", "auth.change_user", "auth.delete_user")


def mfa_required(user):
    """Administrators (superusers, account managers) and moderators; editors may choose."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if user.groups.filter(name__in=settings.ACCOUNTS_MFA_REQUIRED_GROUPS).exists():
        return True
    return any(user.has_perm(permission) for permission in ADMINISTRATOR_PERMISSIONS)


def has_authenticator(user):
    return Authenticator.objects.filter(
        user=user, type__in=(Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)
    ).exists()
