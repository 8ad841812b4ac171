"""Celery beat entries for the vacancies app (merged into CELERY_BEAT_SCHEDULE in settings)."""

from celery.schedules import crontab

BEAT_SCHEDULE: dict = {
    "vacancies-send-job-alerts": {
        "task": "vacancies.tasks.send_job_alerts",
        "schedule": crontab(hour=7, minute=0),
    },
    "vacancies-expire-unconfirmed-alerts": {
        "task": "vacancies.tasks.expire_unconfirmed_alerts",
        "schedule": crontab(hour=2, minute=40),
    },
    "vacancies-closing-reminders": {
        "task": "vacancies.tasks.send_closing_reminders",
        "schedule": crontab(hour=9, minute=0),
    },
    "vacancies-retention": {
        "task": "vacancies.tasks.apply_retention",
        "schedule": crontab(hour=3, minute=30),
    },
}
