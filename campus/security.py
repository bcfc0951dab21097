"""Security headers on every response: Content-Security-Policy (django-csp), and the two
headers Django has no setting for, Permissions-Policy and Cross-Origin-Resource-Policy.

The policies are settings (``CONTENT_SECURITY_POLICY``, ``ADMIN_CONTENT_SECURITY_POLICY``,
``PERMISSIONS_POLICY``, in campus/settings/base.py). Public pages never use a nonce: the
full-page cache replays a response's headers to every visitor, so a policy must be the
same for all of them.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


def is_admin_path(path):
    return path.startswith(tuple(settings.ADMIN_URL_PREFIXES))


class SecurityHeadersMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and is_admin_path(request.path_info):
            # Wagtail's admin (and its previews and the accounts pages shown inside it) still
            # relies on inline scripts and styles: it gets a policy without fetch restrictions
            # but keeps the framing, plugin, base and form protections.
            return PolicyParts(
                config=settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"], nonce=parts.nonce
            )
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if response.get("Content-Type", "").startswith("text/html"):
            # A page is never a sub-resource of another site (images and files stay
            # loadable by feed readers and other sites: they do not get this header).
            response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
