from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """A strict nonce-based policy on public pages, a looser one under the Wagtail admin.

    The Wagtail admin relies on inline scripts and styles that a nonce policy would block.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.PORTAL_ADMIN_PATH):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
            parts.nonce = None
        return parts
