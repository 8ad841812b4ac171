"""Celery beat entries for the fostering app (merged into CELERY_BEAT_SCHEDULE in settings)."""

from celery.schedules import crontab

BEAT_SCHEDULE: dict = {
    "fostering-event-reminders": {
        "task": "fostering.tasks.send_event_reminders",
        "schedule": crontab(hour=9, minute=0),
    },
    "fostering-clock-alerts": {
        "task": "fostering.tasks.send_clock_alerts",
        "schedule": crontab(hour=7, minute=30, day_of_week="mon-fri"),
    },
    "fostering-reference-reminders": {
        "task": "fostering.tasks.send_reference_reminders",
        "schedule": crontab(hour=9, minute=15),
    },
    "fostering-anonymise-closed-enquiries": {
        "task": "fostering.tasks.anonymise_closed_enquiries",
        "schedule": crontab(hour=2, minute=40),
    },
}
