"""Sign-in limits behind the council's proxy: with the proxy count set (TRUSTED_PROXY_COUNT),
one person's wrong passwords lock out that person's address, not everyone behind the
proxy; without it, a forged X-Forwarded-For changes nothing."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"
LOCKED_OUT = "Too many failed login attempts"


@pytest.fixture
def strict_limits(settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "2/m/ip"}


def _wrong_password(client, forwarded_for):
    return client.post(
        reverse("account_login"),
        {"login": "someone@example.com", "password": "not-the-password"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    ).content.decode()


def test_behind_a_trusted_proxy_each_visitor_is_limited_on_their_own_address(
    client, settings, strict_limits
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for _ in range(2):
        assert LOCKED_OUT not in _wrong_password(client, "203.0.113.7")

    assert LOCKED_OUT in _wrong_password(client, "203.0.113.7")
    assert LOCKED_OUT not in _wrong_password(client, "198.51.100.20")
    # A visitor cannot slip past by prepending an address of their own choosing.
    assert LOCKED_OUT in _wrong_password(client, "192.0.2.1, 203.0.113.7")


def test_without_a_proxy_count_the_forwarded_address_is_ignored(client, settings, strict_limits):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for _ in range(2):
        _wrong_password(client, "203.0.113.7")

    # Every request comes from the socket address, whatever the header claims.
    assert LOCKED_OUT in _wrong_password(client, "198.51.100.20")


def test_the_proxy_count_comes_from_the_environment(monkeypatch):
    import importlib

    import portal.settings.base as base

    monkeypatch.setenv("TRUSTED_PROXY_COUNT", "2")
    assert importlib.reload(base).ALLAUTH_TRUSTED_PROXY_COUNT == 2
    monkeypatch.delenv("TRUSTED_PROXY_COUNT")
    assert importlib.reload(base).ALLAUTH_TRUSTED_PROXY_COUNT == 0
