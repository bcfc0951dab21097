"""Sends administrators and moderators without two-factor authentication to set it up."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.mfa import has_authenticator, mfa_required


class RequireMFAMiddleware:
    """In the admin, a user who must have two-factor authentication and has none is sent
    to the authenticator app setup (outside the admin, under allauth's URLs).

    Signing out stays possible. Anything else in the admin waits for the setup: there is
    no way around it but to have an authenticator.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.ACCOUNTS_MFA_REQUIRED and self.applies(request):
            user = request.user
            # Whoever has an authenticator passes on one query, before the role lookup.
            if not has_authenticator(user) and mfa_required(user):
                self.explain(request)
                return HttpResponseRedirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    @staticmethod
    def explain(request):
        """Says why, once (on the setup page, where messages are shown)."""
        message = _(
            "Votre rôle demande l'authentification à deux facteurs : "
            "activez-la pour accéder à l'administration."
        )
        storage = messages.get_messages(request)
        pending = [str(queued) for queued in storage]
        storage.used = False  # looked at, not consumed
        if message not in pending:
            messages.warning(request, message, fail_silently=True)

    @staticmethod
    def applies(request):
        admin = reverse("wagtailadmin_home")
        if not request.path.startswith(admin):
            return False
        if request.path in (reverse("wagtailadmin_login"), reverse("wagtailadmin_logout")):
            return False
        # Only now: anonymous public pages never touch the session or the database here.
        return request.user.is_authenticated
