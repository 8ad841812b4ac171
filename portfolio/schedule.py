"""Celery beat entries for the portfolio app (merged into CELERY_BEAT_SCHEDULE in settings)."""

from celery.schedules import crontab

BEAT_SCHEDULE: dict = {
    "portfolio-reminders": {
        "task": "portfolio.tasks.send_reminders",
        "schedule": crontab(hour=7, minute=40),
    },
}
