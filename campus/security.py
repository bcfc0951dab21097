"""Security headers on every response: Content-Security-Policy (django-csp), and the two
headers Django has no setting for, Permissions-Policy and Cross-Origin-Resource-Policy.

The policies are settings (``CONTENT_SECURITY_POLICY``, ``ADMIN_CONTENT_SECURITY_POLICY``,
``PREVIEW_FRAME_ANCESTORS``, ``PERMISSIONS_POLICY``, in campus/settings/base.py). Public
pages never use a nonce: the full-page cache replays a response's headers to every
visitor, so a policy must be the same for all of them.

Previews: Wagtail renders them by running the whole middleware chain again on a dummy
request whose path is the page's *public* path (``PreviewableMixin.make_preview_request``),
so the path cannot tell a preview from a visit. Wagtail marks that request
``is_dummy`` for middleware (``request.is_preview`` is not usable: ``Page.serve`` resets
it to False); nothing a visitor sends can set it. A preview keeps the public policy (the
page is checked under the rules it will be published with) but may be framed by the
admin's own pages: its preview panel and the « Vérifications » checks, which run in it.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


def is_admin_path(path):
    return path.startswith(tuple(settings.ADMIN_URL_PREFIXES))


def is_preview(request):
    """A preview rendered by Wagtail for the admin (never a visitor's request)."""
    return getattr(request, "is_dummy", False) is True


class SecurityHeadersMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and is_admin_path(request.path_info):
            # Wagtail's admin (and the accounts pages shown inside it) still
            # relies on inline scripts and styles: it gets a policy without fetch restrictions
            # but keeps the framing, plugin, base and form protections.
            return PolicyParts(
                config=settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"], nonce=parts.nonce
            )
        if not report_only and is_preview(request):
            framing = {"frame-ancestors": settings.PREVIEW_FRAME_ANCESTORS}
            replace = {**(parts.replace or {}), **framing}
            return PolicyParts(parts.config, parts.update, replace, parts.nonce)
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if is_preview(request):
            # Agrees with frame-ancestors, for browsers that read only this header; also on
            # the previews whose Wagtail view leaves Django's DENY (« Voir le brouillon »).
            response["X-Frame-Options"] = "SAMEORIGIN"
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if response.get("Content-Type", "").startswith("text/html"):
            # A page is never a sub-resource of another site (images and files stay
            # loadable by feed readers and other sites: they do not get this header).
            response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
