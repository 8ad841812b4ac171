import logging

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

from core import page_cache

logger = logging.getLogger(__name__)


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


class AnonymousPageCacheMiddleware:
    """Serve and store whole public pages for anonymous visitors (see core.page_cache).

    It must come after ContentSecurityPolicyMiddleware in MIDDLEWARE: the CSP middleware
    sets up the request's nonce before this runs and writes the header after it, with the
    nonce this middleware put into the cached page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not page_cache.request_is_eligible(request):
            return self.get_response(request)
        try:
            key = page_cache.cache_key(request)
            cached = page_cache.fetch(request, key)
        except Exception:  # the cache is unreachable: serve the page uncached
            logger.warning("Page cache unavailable; serving uncached", exc_info=True)
            return self.get_response(request)
        if cached is not None:
            return cached
        response = self.get_response(request)
        try:
            page_cache.store(request, response, key)
        except Exception:
            logger.warning("Page cache unavailable; page not stored", exc_info=True)
        return response
