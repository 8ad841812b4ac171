"""Celery tasks: candidate e-mails, job alerts, reminders and retention. All idempotent."""

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(template: str, context: dict, to: str, attachments=()):
    context = {**context, "absolute": _absolute}
    subject = render_to_string(f"vacancies/emails/{template}_subject.txt", context).strip()
    body = render_to_string(f"vacancies/emails/{template}.txt", context)
    message = EmailMessage(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, settings.DEFAULT_FROM_EMAIL, [to]
    )
    for attachment in attachments:
        message.attach(*attachment)
    message.send()


@shared_task
def send_submission_email(application_id: int) -> bool:
    from django.urls import reverse

    from vacancies.models import Application

    application = Application.objects.select_related("vacancy").filter(pk=application_id).first()
    if application is None or not application.email:
        return False
    _send(
        "submitted",
        {
            "application": application,
            "url": _absolute(reverse("vacancies:application", args=[application.pk])),
        },
        application.email,
    )
    return True


@shared_task
def send_status_email(change_id: int) -> bool:
    """Tell the candidate about a move, once (the change records when it was sent)."""
    from django.urls import reverse

    from vacancies.models import ApplicationStatusChange

    change = (
        ApplicationStatusChange.objects.select_related("application__vacancy")
        .filter(pk=change_id, candidate_notified_at__isnull=True)
        .first()
    )
    if change is None or not change.application.email:
        return False
    application = change.application
    _send(
        "status_changed",
        {
            "application": application,
            "change": change,
            "url": _absolute(reverse("vacancies:application", args=[application.pk])),
        },
        application.email,
    )
    ApplicationStatusChange.objects.filter(pk=change.pk).update(
        candidate_notified_at=timezone.now()
    )
    return True


@shared_task
def send_interview_invitation(slot_id: int) -> bool:
    from vacancies.ics import interview_calendar
    from vacancies.models import InterviewSlot

    slot = InterviewSlot.objects.select_related("application", "vacancy").filter(pk=slot_id).first()
    if slot is None or slot.application is None:
        return False
    _send(
        "interview",
        {"slot": slot, "application": slot.application},
        slot.application.email,
        attachments=[("interview.ics", interview_calendar(slot), "text/calendar")],
    )
    return True


@shared_task
def send_alert_confirmation(alert_id: int) -> bool:
    from vacancies.models import JobAlert
    from vacancies.services.alerts import confirm_url

    alert = JobAlert.objects.filter(pk=alert_id, confirmed_at__isnull=True).first()
    if alert is None:
        return False
    _send("alert_confirm", {"alert": alert, "url": confirm_url(alert)}, alert.email)
    return True


@shared_task
def send_job_alerts(now=None) -> int:
    from vacancies.services.alerts import send_due_alerts

    return send_due_alerts(now=now)


@shared_task
def expire_unconfirmed_alerts(now=None) -> int:
    from vacancies.services.alerts import expire_unconfirmed

    return expire_unconfirmed(now=now)


@shared_task
def send_closing_reminders(now=None) -> int:
    """Remind candidates about saved vacancies closing within a few days (once each)."""
    from datetime import timedelta

    from django.urls import reverse

    from vacancies.models import Application, SavedVacancy

    now = now or timezone.now()
    days = getattr(settings, "VACANCIES_CLOSING_REMINDER_DAYS", 3)
    due = SavedVacancy.objects.filter(
        reminded_at__isnull=True,
        vacancy__live=True,
        vacancy__closes_at__gt=now,
        vacancy__closes_at__lte=now + timedelta(days=days),
    ).select_related("user", "vacancy")
    sent = 0
    for saved in due:
        applied = Application.objects.submitted().filter(
            vacancy=saved.vacancy, candidate=saved.user
        )
        if not applied.exists():
            _send(
                "closing_soon",
                {
                    "vacancy": saved.vacancy,
                    "url": _absolute(saved.vacancy.url or ""),
                    "saved_url": _absolute(reverse("vacancies:saved")),
                },
                saved.user.email,
            )
            sent += 1
        SavedVacancy.objects.filter(pk=saved.pk).update(reminded_at=now)
    return sent


@shared_task
def apply_retention(now=None) -> dict:
    from vacancies.services.retention import apply_retention as run

    return run(now=now)
