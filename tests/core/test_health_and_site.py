import json
from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_healthz_reports_every_dependency_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["status"] == "ok"
    assert {name: check["status"] for name, check in body["checks"].items()} == {
        "database": "up",
        "cache": "up",
        "broker": "up",
    }


def test_healthz_answers_503_when_the_cache_is_down(client):
    with mock.patch("portal.health.cache.set", side_effect=ConnectionError("gone")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["cache"]["status"] == "down"


def test_healthz_answers_503_when_the_broker_is_unreachable(client):
    with override_settings(CELERY_TASK_ALWAYS_EAGER=False):
        from portal.celery import app

        with mock.patch.object(app, "connection_for_write", side_effect=OSError("refused")):
            response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["broker"]["status"] == "down"


def test_unknown_urls_get_the_sites_own_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert 'href="#main-content"' in response.content.decode()


def test_robots_txt_points_to_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_public_pages_carry_a_strict_nonce_policy_and_the_admin_a_looser_one(client_for):
    call_command("seed_demo")
    csp = client_for(None).get("/").headers["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in csp
    assert "unsafe-inline" not in csp
    admin_csp = client_for("content editor").get("/admin/").headers["Content-Security-Policy"]
    assert "'unsafe-inline'" in admin_csp


def test_seed_demo_is_idempotent_and_makes_a_user_for_every_role():
    from accounts.models import User
    from accounts.roles import ROLES

    call_command("seed_demo")
    count = User.objects.count()
    call_command("seed_demo")
    assert User.objects.count() == count
    held = set(User.objects.values_list("groups__name", flat=True))
    assert set(ROLES) <= held


def test_seed_demo_refuses_production():
    with override_settings(PORTAL_ENV="production"), pytest.raises(CommandError):
        call_command("seed_demo")
