"""allauth adapters: staff accounts only, created by an administrator in Wagtail."""

import re
import time

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from allauth.mfa.adapter import DefaultMFAAdapter


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # Nobody creates their own account: administrators add staff in Wagtail.
        return False

    def is_reauthentication_required(self, app=""):
        """Setting up two-factor authentication asks for the password again, unless it
        was just typed to sign in: moderators sent to the setup right after signing in
        are not asked twice in a row.
        """
        required = super().is_reauthentication_required(app=app)
        request = context.request
        if required and request is not None and request.user.is_authenticated:
            records = get_authentication_records(request, request.user)
            if records and records[-1].get("method") == "password":
                return time.time() - records[-1]["at"] >= app_settings.REAUTHENTICATION_TIMEOUT
        return required


XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>\s*")


class MFAAdapter(DefaultMFAAdapter):
    def build_totp_svg(self, url):
        # Shown inline (templates/mfa/totp/activate_form.html) rather than as a data:
        # image, which the Content-Security-Policy's img-src would have to allow.
        return XML_DECLARATION.sub("", super().build_totp_svg(url))
