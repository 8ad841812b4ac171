"""Celery beat entries for the workforce record (merged into settings)."""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    # Runs every day; the service decides whether renewal is open and who is due, and the
    # notification key keeps it to one reminder per person per fortnight.
    "workforce-cpd-reminders": {
        "task": "workforce.tasks.send_cpd_reminders",
        "schedule": crontab(hour=8, minute=15),
    },
}
