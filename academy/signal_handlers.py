"""Enrol new staff: on a new staff record, and on a hire from the vacancies app when that
app provides its `candidate_hired` signal. Tell people when L&D cancels their session."""

import logging

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from accounts.models import StaffProfile

from .models import Completion, TrainingSession

logger = logging.getLogger(__name__)


@receiver(post_save, sender=StaffProfile, dispatch_uid="academy_enrol_new_staff")
def enrol_new_staff_profile(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .tasks import enrol_new_staff

        transaction.on_commit(lambda: enrol_new_staff.delay(instance.pk))


@receiver(pre_save, sender=TrainingSession, dispatch_uid="academy_session_was_cancelled")
def remember_whether_cancelled(sender, instance, raw=False, **kwargs):
    instance._was_cancelled = bool(
        instance.pk and TrainingSession.objects.filter(pk=instance.pk, is_cancelled=True).exists()
    )


@receiver(post_save, sender=TrainingSession, dispatch_uid="academy_session_cancelled")
def tell_people_when_a_session_is_cancelled(sender, instance, created, raw=False, **kwargs):
    # However the session was cancelled (admin form, shell, import), everyone booked hears.
    if raw or not instance.is_cancelled or getattr(instance, "_was_cancelled", False):
        return
    from .tasks import tell_session_cancelled

    transaction.on_commit(lambda: tell_session_cancelled.delay(instance.pk))


@receiver(post_save, sender=Completion, dispatch_uid="academy_certificate_on_completion")
def issue_certificate_on_completion(sender, instance, created, raw=False, **kwargs):
    """Every completion, however it was recorded (a passed e-learning course, a register
    marking someone attended, L&D recording it by hand), issues its certificate in the
    same transaction."""
    if created and not raw:
        from .services.certificates import issue_certificate
        from .services.enrolment import record_programme_completions

        issue_certificate(instance)
        record_programme_completions(instance.user, instance.completed_on)


try:  # The vacancies app adds this signal on its own branch; connect only if it exists.
    from vacancies.signals import candidate_hired
except ImportError:  # pragma: no cover - depends on which apps are merged
    candidate_hired = None


def enrol_hire(sender, **kwargs):
    """A hire that already has a staff record is enrolled from it; one without a record is
    enrolled when the record is created (post_save above)."""
    user = kwargs.get("user")
    if user is None:
        application = kwargs.get("application")
        user = getattr(application, "user", None) or getattr(application, "candidate", None)
    profile = getattr(user, "staff_profile", None) if user is not None else None
    if profile is None:
        logger.info("Hire without a staff record yet; enrolment waits for the record.")
        return
    from .services.enrolment import enrol_profile

    enrol_profile(profile)


if candidate_hired is not None:
    candidate_hired.connect(enrol_hire, dispatch_uid="academy_enrol_hire")
