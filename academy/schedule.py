"""Celery beat entries for the academy app (merged into CELERY_BEAT_SCHEDULE in settings)."""

from celery.schedules import crontab

BEAT_SCHEDULE: dict = {
    "academy-training-reminders": {
        "task": "academy.tasks.send_reminders",
        "schedule": crontab(minute=5),
    },
    # Replaces the mandatory-only renewal notice: certificates of every course, the
    # learner and (for mandatory training) the line manager, at 60 and 30 days and on the day.
    "academy-certificate-expiry-reminders": {
        "task": "academy.tasks.send_certificate_expiry_reminders",
        "schedule": crontab(hour=7, minute=15),
    },
    # Refreshes the current month's compliance snapshot; past months stay as they were.
    "academy-compliance-snapshot": {
        "task": "academy.tasks.take_compliance_snapshot",
        "schedule": crontab(hour=2, minute=40),
    },
    "academy-pass-on-lapsed-offers": {
        "task": "academy.tasks.pass_on_lapsed_offers",
        "schedule": crontab(minute="*/10"),
    },
}
