"""Enrol new staff: on a new staff record, and on a hire from the vacancies app that reused
an existing record (its `candidate_hired` signal). Tell people when L&D cancels their
session."""

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from accounts.models import StaffProfile
from core.booking import booking_moved
from vacancies.signals import candidate_hired

from .models import Booking, Completion, TrainingSession


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


@receiver(booking_moved, sender=Booking, dispatch_uid="academy_booking_moved")
def tell_people_about_a_booking_move(sender, booking, move, **kwargs):
    # The engine sends this after commit: the move is saved before anyone hears of it.
    from .services.notifications import booking_moved as send_notice

    send_notice(booking, move)


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


@receiver(candidate_hired, dispatch_uid="academy_enrol_hire")
def enrol_hire(sender, *, staff_profile, new_staff_record, **kwargs):
    """A hire that reused an existing staff record is enrolled from it here; a hire that
    created the record was enrolled when the record was saved (above), so once only."""
    if new_staff_record:
        return
    from .services.enrolment import enrol_profile

    enrol_profile(staff_profile)
