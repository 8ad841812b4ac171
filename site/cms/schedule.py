"""Celery beat entries for the public site (merged into settings)."""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    "cms-publish-scheduled-pages": {
        "task": "cms.tasks.publish_scheduled_pages",
        "schedule": crontab(minute="*/5"),
    },
    "cms-forget-old-search-terms": {
        "task": "cms.tasks.forget_old_search_terms",
        "schedule": crontab(hour=3, minute=40),
    },
}
