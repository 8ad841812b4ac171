from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from .roles import requires_mfa


class RequireMFAMiddleware:
    """Send anyone who can see other people's personal data to set up MFA first.

    allauth asks for the second factor at sign-in once it is set up; this closes the gap
    before it is, so a recruiter's account with only a password reaches no staff page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(tuple(settings.PORTAL_MFA_EXEMPT_PATH_PREFIXES))
            and requires_mfa(user)
            and not _has_totp(request, user)
        ):
            messages.warning(
                request,
                "Your role gives you access to other people's personal data, so you must "
                "set up two-factor authentication before you continue.",
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


def _has_totp(request, user) -> bool:
    from allauth.mfa.models import Authenticator

    # One query per request at most, and only for staff with privileged roles.
    if not hasattr(request, "_portal_has_totp"):
        request._portal_has_totp = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists()
    return request._portal_has_totp


class AdminAccessMiddleware:
    """Answer 403 when a signed-in person without admin access opens the Wagtail admin.

    Wagtail would send them to the sign-in page, and allauth sends a signed-in person
    straight back: a redirect loop instead of a clear answer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path.startswith("/admin/")
            and user is not None
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            raise PermissionDenied("Your account does not give you access to the admin.")
        return self.get_response(request)
