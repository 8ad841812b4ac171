"""Interview slots: the panel offers times, each invited candidate books one of them."""

from django.db import transaction
from django.utils import timezone

from core.errors import DomainError
from vacancies.models import ApplicationStatus, InterviewSlot
from vacancies.permissions import is_recruiter, manages_vacancy


class InterviewError(DomainError):
    """An interview slot could not be offered or booked."""


def free_slots(vacancy, now=None):
    """Times still open to book for this vacancy, soonest first."""
    return InterviewSlot.objects.filter(
        vacancy=vacancy, application__isnull=True, starts_at__gt=now or timezone.now()
    )


def needs_a_slot(application) -> bool:
    return application.status == ApplicationStatus.INTERVIEW and not hasattr(
        application, "interview_slot"
    )


def offer_slot(vacancy, *, by, starts_at, ends_at, location) -> InterviewSlot:
    """Add a time the panel can interview one candidate for the vacancy."""
    if not by.has_perm("vacancies.add_interviewslot") or not (
        is_recruiter(by) or manages_vacancy(by, vacancy)
    ):
        raise InterviewError("You are not allowed to add interview times to this vacancy.")
    if ends_at <= starts_at:
        raise InterviewError("The interview must end after it starts.")
    return InterviewSlot.objects.create(
        vacancy=vacancy, starts_at=starts_at, ends_at=ends_at, location=location
    )


def book_slot(application, slot_id, *, by, now=None) -> InterviewSlot:
    """Book one free slot for a candidate invited to interview; first come, first served.

    Promises: the free slots are locked while one is taken, so two candidates can never
    hold the same time; the invitation (with its calendar file) is sent once the booking is
    committed. A refusal changes nothing.
    """
    if application.candidate_id is None or application.candidate_id != by.pk:
        raise InterviewError("Only the candidate can book their interview.")
    with transaction.atomic():
        if not needs_a_slot(application):
            raise InterviewError("There is no interview to book for this application.")
        slot = (
            free_slots(application.vacancy, now).select_for_update().filter(pk=slot_id).first()
            if str(slot_id).isdigit()
            else None
        )
        if slot is None:
            raise InterviewError("That time has just been taken. Choose another time.")
        slot.application = application
        slot.save(update_fields=["application"])
        from vacancies.tasks import send_interview_invitation

        transaction.on_commit(lambda: send_interview_invitation.delay(slot.pk))
    return slot
