"""The attendance register, and what attending leads to: a completion and a draft CPD entry."""

from django.db import transaction
from django.utils import timezone

from core import booking as engine
from core.booking import BookingError, BookingStatus

from ..models import Booking, Completion, CourseFormat, CpdEntry, CpdType
from .booking import can_take_register

# Register choice -> the move of the booking table that records it.
MOVE_FOR_MARK = {
    BookingStatus.ATTENDED: "attended",
    BookingStatus.NO_SHOW: "no_show",
    BookingStatus.CANCELLED_LATE: "late_cancelled",
}
REGISTER_STATUSES = set(MOVE_FOR_MARK)
# Bookings that belong on the register: people who held a place when it began.
ON_REGISTER = engine.ON_REGISTER


def register_bookings(session):
    return (
        session.bookings.filter(status__in=ON_REGISTER)
        .select_related("user", "user__staff_profile__team")
        .order_by("user__last_name", "user__first_name")
    )


def mark_register(session, marker, marks: dict, *, now=None) -> int:
    """Record attendance for the session. `marks` maps booking id to attended, no-show or
    cancelled-late. Only the session's trainer or an L&D lead may mark it, and only once
    the session has started. Returns how many bookings changed. All or nothing."""
    now = now or timezone.now()
    if not can_take_register(marker, session):
        raise BookingError(
            "Only the trainer running this session, or an L&D lead, can take its register."
        )
    if session.starts_at > now:
        raise BookingError("The register opens when the session starts.")
    if any(status not in REGISTER_STATUSES for status in marks.values()):
        raise BookingError("Choose attended, did not attend or cancelled late for each person.")
    changed = 0
    with transaction.atomic():
        bookings = {b.pk: b for b in register_bookings(session).filter(pk__in=list(marks))}
        if set(bookings) != set(marks):
            raise BookingError("Someone on this register no longer holds a place on it.")
        for pk, status in marks.items():
            outcome = engine.move(
                bookings[pk],
                MOVE_FOR_MARK[status],
                by=marker,
                now=now,
                record={"decided_by": marker, "decided_at": now},
            )
            if outcome.changed:
                _record_outcome(outcome.booking, now)
                changed += 1
    return changed


def _record_outcome(booking: Booking, now):
    if booking.status == BookingStatus.ATTENDED:
        completion, created = Completion.objects.get_or_create(
            booking=booking,
            defaults={
                "user": booking.user,
                "course": booking.session.course,
                "completed_on": timezone.localtime(booking.session.starts_at).date(),
                "source": Completion.Source.ATTENDANCE,
            },
        )
        if created:
            draft_cpd_entry(completion)
    else:
        completion = Completion.objects.filter(booking=booking).first()
        if completion is not None:
            # A mistaken "attended" is corrected: drop its CPD draft unless it was written up.
            CpdEntry.objects.filter(completion=completion, status=CpdEntry.Status.DRAFT).delete()
            completion.delete()


def draft_cpd_entry(completion: Completion) -> CpdEntry:
    course = completion.course
    cpd_type = CpdType.E_LEARNING if course.format == CourseFormat.E_LEARNING else CpdType.COURSE
    return CpdEntry.objects.create(
        user=completion.user,
        title=course.title,
        cpd_type=cpd_type,
        activity_date=completion.completed_on,
        description=course.summary,
        completion=completion,
    )
