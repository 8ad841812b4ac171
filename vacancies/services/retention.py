"""Retention: applications are anonymised a set time after the vacancy closes; candidate
accounts inactive for twelve months are warned, then deleted."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from core.privacy import anonymise, anonymised_values
from vacancies.models import (
    Application,
    ApplicationStatusChange,
    InterviewSlot,
    PreEmploymentCheck,
)


def application_retention() -> timedelta:
    return getattr(settings, "VACANCIES_APPLICATION_RETENTION", timedelta(days=183))


def account_inactivity() -> timedelta:
    return getattr(settings, "VACANCIES_ACCOUNT_INACTIVITY", timedelta(days=365))


def account_warning_period() -> timedelta:
    return getattr(settings, "VACANCIES_ACCOUNT_WARNING_PERIOD", timedelta(days=30))


def anonymise_application(application, now) -> None:
    """Keep the statistics (status, dates, vacancy), drop everything about the person: every
    field vacancies/privacy.py declares personal, on the application and its history."""
    anonymise(application)
    application.anonymised_at = now
    application.save()
    for model in (ApplicationStatusChange, PreEmploymentCheck, InterviewSlot):
        model.objects.filter(application=application).update(**anonymised_values(model))


def apply_retention(now=None) -> dict:
    from accounts.models import User
    from accounts.roles import STAFF_ROLES, Role
    from core.privacy import erase_account

    now = now or timezone.now()
    cutoff = now - application_retention()
    expired = Application.objects.filter(
        vacancy__closes_at__lt=cutoff, anonymised_at__isnull=True
    ).select_related("vacancy")
    anonymised = drafts = 0
    for application in expired:
        with transaction.atomic():
            if application.status == "draft":
                if application.cv:
                    application.cv.delete(save=False)
                application.delete()
                drafts += 1
            else:
                anonymise_application(application, now)
                anonymised += 1

    # Accounts: a candidate who has not been seen for a year is warned, then deleted.
    inactive_since = now - account_inactivity()
    candidates = (
        User.objects.filter(groups__name=Role.CANDIDATE, is_staff=False, is_superuser=False)
        .exclude(groups__name__in=STAFF_ROLES)
        .distinct()
    )
    # Back since the warning: the clock starts again.
    candidates.filter(
        inactivity_warning_sent_at__isnull=False,
        last_login__gt=F("inactivity_warning_sent_at"),
    ).update(inactivity_warning_sent_at=None)
    idle = candidates.filter(
        Q(last_login__lt=inactive_since)
        | Q(last_login__isnull=True, date_joined__lt=inactive_since)
    )
    warned = deleted = 0
    for user in list(idle.filter(inactivity_warning_sent_at__isnull=True)):
        _warn(user, now)
        warned += 1
    for user in list(idle.filter(inactivity_warning_sent_at__lte=now - account_warning_period())):
        erase_account(user)
        deleted += 1
    return {
        "applications_anonymised": anonymised,
        "drafts_deleted": drafts,
        "accounts_warned": warned,
        "accounts_deleted": deleted,
    }


def _warn(user, now):
    from accounts.models import User
    from vacancies.tasks import _absolute, _send

    User.objects.filter(pk=user.pk).update(inactivity_warning_sent_at=now)
    _send(
        "account_inactive",
        {
            "user": user,
            "delete_on": now + account_warning_period(),
            "login_url": _absolute("/accounts/login/"),
        },
        user.email,
    )
