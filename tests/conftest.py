"""Fixtures shared by every test package: people in roles, signed-in clients."""

import pytest
from django.test import Client

from accounts.factories import StaffProfileFactory, UserFactory
from accounts.roles import MFA_REQUIRED_ROLES, ROLES, STAFF_ROLES


def give_totp(user):
    """Set up a TOTP device, as the mandatory MFA step would, so staff pages open."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, generate_totp_secret())


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """Each test starts with an empty cache, as a database rolled back between tests
    would otherwise meet menus, counts and rate limits cached by the one before."""
    from django.core.cache import cache

    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        cache.clear()


@pytest.fixture
def make_user(db):
    """make_user("recruiter") -> a verified user holding that role (staff roles get a
    staff profile, privileged roles a TOTP device)."""

    def make(*roles, mfa=True, **kwargs):
        roles = list(roles)
        if set(roles) & STAFF_ROLES and "staff member" not in roles:
            roles.append("staff member")
        user = UserFactory(roles=roles, **kwargs)
        if set(roles) & STAFF_ROLES:
            StaffProfileFactory(user=user)
        if mfa and set(roles) & MFA_REQUIRED_ROLES:
            give_totp(user)
        return user

    return make


@pytest.fixture
def client_for(make_user):
    """client_for("recruiter") -> a test client signed in as a fresh user in that role."""

    def make(*roles, **kwargs):
        client = Client()
        if roles and roles[0] is not None:
            user = make_user(*roles, **kwargs)
            client.force_login(user)
            client.user = user
        return client

    return make


ALL_ROLES = sorted(ROLES)
