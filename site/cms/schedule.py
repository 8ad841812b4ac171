"""Celery beat entries for the public site (merged into settings)."""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    "cms-publish-scheduled-pages": {
        "task": "cms.tasks.publish_scheduled_pages",
        "schedule": crontab(minute="*/5"),
    },
}
