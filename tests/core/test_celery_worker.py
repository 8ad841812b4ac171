"""A task sent through a real Redis broker is picked up by a real Celery worker process.

Runs when CELERY_BROKER_URL points at Redis and the tests use PostgreSQL (the worker, a
separate process, must see the same test database). CI sets both and PORTAL_REQUIRE_REDIS,
which turns a skip into a failure.
"""

import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.models import User

ROOT = Path(__file__).resolve().parents[2]


def _requirements_missing() -> str | None:
    broker = os.environ.get("CELERY_BROKER_URL", "")
    if not broker.startswith("redis://"):
        return "CELERY_BROKER_URL is not a Redis URL"
    if connection.vendor != "postgresql":
        return "the worker process needs a shared (PostgreSQL) test database"
    return None


@pytest.fixture
def worker(transactional_db):
    reason = _requirements_missing()
    if reason:
        if os.environ.get("PORTAL_REQUIRE_REDIS"):
            pytest.fail(f"Redis worker test required but {reason}")
        pytest.skip(reason)
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": (
            f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "PYTHONPATH": f"{ROOT / 'site'}:{ROOT}",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portal",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def test_a_scheduled_task_sent_through_redis_is_run_by_a_worker(worker):
    from accounts.tasks import purge_unverified_accounts
    from portal.celery import app

    stale = UserFactory(email="never-confirmed@example.com", verified=False, roles=["candidate"])
    User.objects.filter(pk=stale.pk).update(
        date_joined=timezone.now() - datetime.timedelta(days=30)
    )
    app.conf.task_always_eager = False
    try:
        purge_unverified_accounts.apply_async()
        deadline = time.monotonic() + 60
        while User.objects.filter(pk=stale.pk).exists():
            if worker.poll() is not None:
                pytest.fail(f"worker exited: {worker.stdout.read().decode()[-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail("the worker did not run the task within 60 seconds")
            time.sleep(0.3)
    finally:
        app.conf.task_always_eager = True
    assert not User.objects.filter(email="never-confirmed@example.com").exists()
