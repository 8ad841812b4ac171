"""Celery beat entries for the shared outbox (merged into settings)."""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    "core-sweep-notifications": {
        "task": "core.tasks.sweep_notifications",
        "schedule": crontab(minute="*"),
    },
}
