"""Booking training: the academy's rules (staff only, prerequisites, approval, the
cancellation cut-off) around the shared engine in core.booking."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from accounts.roles import Role
from core import booking as engine
from core.booking import ACTIVE, HOLDS_PLACE, BookingError, BookingStatus, book_place

from ..models import AcademySettings, Booking, Completion, TrainingSession


def _rules():
    settings = AcademySettings.load()
    return (
        timedelta(hours=settings.cancellation_cutoff_hours),
        timedelta(hours=settings.offer_window_hours),
    )


def staff_profile(user):
    if not user.is_authenticated:
        return None
    return getattr(user, "staff_profile", None)


def missing_prerequisites(user, course) -> list:
    """Prerequisite courses this person has not completed."""
    required = list(course.prerequisites.all())
    if not required:
        return []
    done = set(
        Completion.objects.filter(user=user, course__in=required).values_list(
            "course_id", flat=True
        )
    )
    return [c for c in required if c.pk not in done]


def book(user, session: TrainingSession, *, now=None) -> Booking:
    """Book `user` on `session`: a place, a place waiting for manager approval, or a
    waiting-list place when it is full. Raises BookingError and changes nothing when the
    person is not staff, lacks a prerequisite, or the engine refuses (closed, past,
    already booked)."""
    if staff_profile(user) is None:
        raise BookingError("Booking is for staff: sign in with your staff account.")
    missing = missing_prerequisites(user, session.course)
    if missing:
        names = ", ".join(f"“{c.title}”" for c in missing)
        raise BookingError(f"You need to complete {names} before you can book this course.")
    needs_approval = session.needs_approval and bool(user.staff_profile.line_manager_id)
    # The e-mail that follows is sent after commit by the booking_moved signal handler.
    return book_place(
        TrainingSession,
        session.pk,
        holder={"user": user},
        needs_approval=needs_approval,
        by=user,
        now=now,
    )


def cancel(booking: Booking, user, *, now=None) -> engine.Outcome:
    """Cancel the person's own place or waiting-list place before the cut-off."""
    _own(booking, user)
    cutoff, window = _rules()
    return engine.cancel(booking, by=user, cutoff=cutoff, now=now, offer_window=window)


def accept(booking: Booking, user, *, now=None) -> Booking:
    """Accept an offered place. On a session that needs approval the place is then held
    for the line manager's decision, as it would have been when booking directly."""
    _own(booking, user)
    profile = staff_profile(user)
    needs_approval = booking.session.needs_approval and bool(profile and profile.line_manager_id)
    return engine.accept(booking, by=user, needs_approval=needs_approval, now=now)


def decline(booking: Booking, user, *, now=None) -> engine.Outcome:
    """Turn down an offered place; it is offered to the next person waiting."""
    _own(booking, user)
    _cutoff, window = _rules()
    return engine.decline(booking, by=user, now=now, offer_window=window)


def approve(booking: Booking, manager, *, now=None) -> Booking:
    """A line manager approves a place waiting for approval."""
    now = now or timezone.now()
    _managed(booking, manager)
    return engine.approve(
        booking, by=manager, now=now, record={"decided_by": manager, "decided_at": now}
    )


def refuse(booking: Booking, manager, *, note: str = "", now=None) -> engine.Outcome:
    """A line manager declines a place; it passes to the next person waiting."""
    now = now or timezone.now()
    _managed(booking, manager)
    _cutoff, window = _rules()
    return engine.refuse(
        booking,
        by=manager,
        now=now,
        offer_window=window,
        record={"decided_by": manager, "decided_at": now, "decision_note": note[:300]},
    )


# Moves an L&D lead can make from the Bookings screen in the Wagtail admin, and the
# permission each needs. Attendance is taken on the register (it makes completions).
ADMIN_MOVES = ("approve", "refuse", "cancel")
ADMIN_PERMISSION = "academy.change_booking"


def admin_move(booking: Booking, name: str, by, *, note: str = "", now=None) -> engine.Outcome:
    """An L&D lead moves a booking from the admin. The same table, checks and e-mails as
    the person's own move; no cut-off applies to the academy itself."""
    if not by.has_perm(ADMIN_PERMISSION):
        raise BookingError("You do not have permission to change bookings.")
    if name not in ADMIN_MOVES:
        raise BookingError("Choose one of the actions offered.")
    now = now or timezone.now()
    _cutoff, window = _rules()
    record = {"decided_by": by, "decided_at": now} if name != "cancel" else {}
    if note:
        record["decision_note"] = note[:300]
    return engine.move(booking, name, by=by, now=now, offer_window=window, record=record)


def _own(booking, user):
    if booking.user_id != user.pk:
        raise BookingError("This booking belongs to someone else.")


def _managed(booking, manager):
    profile = staff_profile(booking.user)
    if profile is None or profile.line_manager_id != manager.pk:
        raise BookingError("Only the person's line manager can decide on this booking.")


def sessions_with_places(queryset):
    return queryset.annotate(
        taken=Count("bookings", filter=Q(bookings__status__in=HOLDS_PLACE)),
        waiting=Count("bookings", filter=Q(bookings__status=BookingStatus.WAITLISTED)),
    )


def upcoming_sessions_for(course, user, *, now=None) -> list:
    """The course's sessions still to come, each with its places left and, for a signed-in
    person, their own active booking on it."""
    now = now or timezone.now()
    sessions = list(
        sessions_with_places(
            TrainingSession.objects.filter(course=course, starts_at__gt=now, is_cancelled=False)
        ).select_related("trainer")
    )
    mine = {}
    if user.is_authenticated:
        mine = {
            b.session_id: b
            for b in Booking.objects.filter(user=user, session__in=sessions, status__in=ACTIVE)
        }
    for session in sessions:
        session.left = max(session.capacity - session.taken, 0)
        session.my_booking = mine.get(session.pk)
        session.problem = session.booking_problem(now)
    return sessions


def can_take_register(user, session) -> bool:
    return user.is_authenticated and (
        session.trainer_id == user.pk or user.has_role(Role.LD_LEAD) or user.is_superuser
    )
