import os
import subprocess
import sys
from pathlib import Path

from django.test import RequestFactory

ROOT = Path(__file__).resolve().parents[2]


def _load_production_settings(**env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "CACHE_URL", "REDIS_URL", "CELERY_BROKER_URL"}
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="portal.settings.production")
    environment["PYTHONPATH"] = f"{ROOT / 'site'}:{ROOT}"
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=environment,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_production_refuses_to_start_without_a_real_secret_key():
    result = _load_production_settings(CACHE_URL="redis://x", CELERY_BROKER_URL="redis://x")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    result = _load_production_settings(
        SECRET_KEY="insecure-dev-only-key-change-me",
        CACHE_URL="redis://x",
        CELERY_BROKER_URL="redis://x",
    )
    assert "SECRET_KEY" in result.stderr


def test_production_starts_with_everything_set():
    result = _load_production_settings(
        SECRET_KEY="k" * 64, CACHE_URL="redis://127.0.0.1:6379/1", CELERY_BROKER_URL="redis://x"
    )
    assert result.returncode == 0, result.stderr


def test_the_500_page_is_friendly_and_needs_no_database():
    from core.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
