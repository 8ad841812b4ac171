"""Booking places on sessions: built once, used by the academy's training sessions and by
fostering's information events and "Skills to Foster" preparation training.

A concrete app subclasses the two abstract models:

    class TrainingSession(BookableSession):
        course = models.ForeignKey(...)

    class Booking(BookingBase):
        session = models.ForeignKey(TrainingSession, related_name="bookings", ...)
        user = models.ForeignKey(User, ...)          # or name/email for public events

        class Meta(BookingBase.Meta):
            constraints = [one_active_booking_per("user")]

and calls the operations below. This module is the only writer of a booking's status
(`tests/core/test_booking_single_writer.py` fails the suite if anything else assigns it):

- `MOVES` is the one table of booking moves: which statuses each move starts from, where
  it leads, and what must be true first. `book_place` creates a booking in one of
  `BOOKED_AS`; every later change is a row of the table.
- Each operation (`approve`, `refuse`, `accept`, `decline`, `cancel`, `cancel_session`,
  `attended`, `no_show`, `late_cancelled`, `expire_offers`) locks the session row and then
  the booking (`select_for_update`) inside one transaction, checks the table, records the
  move, who made it and when (`last_move`, `moved_by`, `moved_at`), offers any place it
  frees to the waiting list, and after commit sends the `booking_moved` signal for every
  booking it moved. Apps connect to that signal to send what follows (e-mails).

Locking the session before counting places means two people can never take the last
place at once: "count, then insert" without the lock overbooks under load.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.dispatch import Signal
from django.utils import timezone

from core.errors import DomainError

DEFAULT_OFFER_WINDOW = timedelta(hours=48)


class BookingStatus(models.TextChoices):
    PENDING_APPROVAL = "pending_approval", "Waiting for manager approval"
    CONFIRMED = "confirmed", "Place confirmed"
    WAITLISTED = "waitlisted", "On the waiting list"
    OFFERED = "offered", "Place offered"
    CANCELLED = "cancelled", "Cancelled"
    CANCELLED_LATE = "cancelled_late", "Cancelled late"
    DECLINED = "declined", "Declined"
    EXPIRED = "expired", "Offer expired"
    ATTENDED = "attended", "Attended"
    NO_SHOW = "no_show", "Did not attend"


# Statuses that occupy one of the session's places.
HOLDS_PLACE = frozenset(
    {
        BookingStatus.PENDING_APPROVAL,
        BookingStatus.CONFIRMED,
        BookingStatus.OFFERED,
        BookingStatus.ATTENDED,
        BookingStatus.NO_SHOW,
    }
)
# A person may hold at most one booking in these statuses per session.
ACTIVE = HOLDS_PLACE | {BookingStatus.WAITLISTED}


def with_places_taken(sessions):
    """Sessions annotated with the places taken, so a list that shows "N places left"
    makes one query, not one per session. (Booking itself always counts afresh under a
    row lock; see book().)"""
    return sessions.annotate(
        places_taken_count=models.Count(
            "bookings", filter=models.Q(bookings__status__in=HOLDS_PLACE)
        )
    )


class BookingError(DomainError):
    """A booking action was refused."""


class BookableSession(models.Model):
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField()
    capacity = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    booking_opens_at = models.DateTimeField(
        null=True, blank=True, help_text="Leave blank to open booking straight away."
    )
    booking_closes_at = models.DateTimeField(
        null=True, blank=True, help_text="Leave blank to take bookings until the start."
    )
    is_cancelled = models.BooleanField(default=False)

    class Meta:
        abstract = True

    def closes_at(self):
        return self.booking_closes_at or self.starts_at

    def booking_problem(self, now=None) -> str | None:
        """Why this session cannot take a booking now, or None if it can."""
        now = now or timezone.now()
        if self.is_cancelled:
            return "This session has been cancelled."
        if self.starts_at <= now:
            return "This session has already started, so it can no longer be booked."
        if self.booking_opens_at and now < self.booking_opens_at:
            opens = timezone.localtime(self.booking_opens_at)
            return f"Booking opens on {opens:%-d %B %Y at %H:%M}."
        if now >= self.closes_at():
            return "Booking for this session has closed."
        return None

    def places_taken(self) -> int:
        if hasattr(self, "places_taken_count"):  # annotated by with_places_taken()
            return self.places_taken_count
        return self.bookings.filter(status__in=HOLDS_PLACE).count()

    def places_left(self) -> int:
        return max(self.capacity - self.places_taken(), 0)


class BookingBase(models.Model):
    # Written only by this module's operations: forms and the admin show it read-only.
    status = models.CharField(
        max_length=20, choices=BookingStatus.choices, db_index=True, editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The latest move of the table (or "book"), who made it (empty: the system, or a
    # booker without an account) and when.
    last_move = models.CharField(max_length=20, blank=True, editable=False)
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    moved_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    @property
    def holds_place(self) -> bool:
        return self.status in HOLDS_PLACE

    def get_last_move_display(self) -> str:
        if self.last_move == "book":
            return "Booked"
        move = MOVES.get(self.last_move)
        return move.label if move else ""


def one_active_booking_per(*holder_fields: str, name: str | None = None):
    """A database guarantee that a person never holds two active bookings on one session."""
    fields = ("session", *holder_fields)
    return models.UniqueConstraint(
        fields=fields,
        condition=models.Q(status__in=sorted(ACTIVE)),  # sorted: stable migrations
        name=name or "%(app_label)s_%(class)s_one_active_per_" + "_".join(holder_fields),
    )


# --- The table of moves ------------------------------------------------------------

S = BookingStatus
# What a new booking can be: a place, a place held for approval, a waiting-list place.
BOOKED_AS = frozenset({S.CONFIRMED, S.PENDING_APPROVAL, S.WAITLISTED})
# Bookings a person (or the organiser) can still cancel.
CANCELLABLE = frozenset({S.PENDING_APPROVAL, S.CONFIRMED, S.WAITLISTED, S.OFFERED})
# Bookings the attendance register can mark (and correct).
ON_REGISTER = frozenset({S.CONFIRMED, S.ATTENDED, S.NO_SHOW, S.CANCELLED_LATE})

NOT_WAITING = "This booking is no longer waiting for a decision."
OFFER_CLOSED = "This offer is no longer open."
NOT_ACTIVE = "This booking cannot be cancelled: it is no longer active."
NOT_ON_REGISTER = "Only a confirmed place can have its attendance recorded."


def _offer_still_open(booking, session, now, cutoff):
    if booking.offer_expires_at and booking.offer_expires_at <= now:
        return "Sorry, this offer has expired and the place has passed on."
    return None


def _before_cutoff(booking, session, now, cutoff):
    if cutoff is not None and booking.status in HOLDS_PLACE and now > session.starts_at - cutoff:
        return "It is too late to cancel this place online. Please contact the organiser."
    return None


def _session_started(booking, session, now, cutoff):
    if session.starts_at > now:
        starts = timezone.localtime(session.starts_at)
        time = f"{starts:%-I:%M}{starts:%p}".lower()  # GOV.UK style: 4:08pm
        return (
            "Attendance can be recorded once the session has started "
            f"({starts:%-d %B %Y} at {time})."
        )
    return None


@dataclass(frozen=True)
class Move:
    """One row of the table: from which statuses, to which, and what must be true first."""

    name: str
    label: str
    sources: frozenset
    to: str
    refusal: str  # said when the booking is in none of `sources`
    check: object = None  # (booking, session, now, cutoff) -> why not, or None
    frees_place: bool = False  # the waiting list is offered any place it frees


MOVES = {
    move.name: move
    for move in (
        Move("approve", "Approve the place", frozenset({S.PENDING_APPROVAL}), S.CONFIRMED,
             NOT_WAITING),
        Move("refuse", "Decline the booking", frozenset({S.PENDING_APPROVAL}), S.DECLINED,
             NOT_WAITING, frees_place=True),
        Move("offer", "Offer a freed place", frozenset({S.WAITLISTED}), S.OFFERED,
             "Only someone on the waiting list can be offered a place."),
        Move("accept", "Accept the offer", frozenset({S.OFFERED}), S.CONFIRMED, OFFER_CLOSED,
             check=_offer_still_open),
        # Accepting a place on a session that needs approval holds it for the manager.
        Move("accept_for_approval", "Accept the offer", frozenset({S.OFFERED}),
             S.PENDING_APPROVAL, OFFER_CLOSED, check=_offer_still_open),
        Move("decline", "Decline the offer", frozenset({S.OFFERED}), S.DECLINED, OFFER_CLOSED,
             frees_place=True),
        Move("expire", "Offer lapsed", frozenset({S.OFFERED}), S.EXPIRED, OFFER_CLOSED,
             frees_place=True),
        Move("cancel", "Cancel the booking", CANCELLABLE, S.CANCELLED, NOT_ACTIVE,
             check=_before_cutoff, frees_place=True),
        # The organiser cancelled the whole session: nobody is offered its places.
        Move("cancel_session", "Session cancelled", CANCELLABLE, S.CANCELLED, NOT_ACTIVE),
        Move("attended", "Attended", ON_REGISTER, S.ATTENDED, NOT_ON_REGISTER,
             check=_session_started),
        Move("no_show", "Did not attend", ON_REGISTER, S.NO_SHOW, NOT_ON_REGISTER,
             check=_session_started),
        Move("late_cancelled", "Cancelled late", ON_REGISTER, S.CANCELLED_LATE,
             NOT_ON_REGISTER, check=_session_started),
    )
}  # fmt: skip
ATTENDANCE_MOVES = ("attended", "no_show", "late_cancelled")


def moves_from(status, names=None) -> list[Move]:
    """The moves (of `names`, or all) the table allows from this status, in table order."""
    return [m for m in MOVES.values() if status in m.sources and (names is None or m.name in names)]


# Sent after commit for every booking an operation moved: `booking` (as saved), `move`
# (a name in MOVES, or "book") and `by` (the person who made it, or None).
booking_moved = Signal()


@dataclass
class Outcome:
    """What an operation did: the booking as it now is, and the bookings now offered a
    place it freed."""

    booking: object = None
    offered: list = field(default_factory=list)
    changed: bool = True


def _announce(booking, move_name, by):
    transaction.on_commit(
        lambda: booking_moved.send(sender=type(booking), booking=booking, move=move_name, by=by)
    )


def _apply(booking, move: Move, *, by, now, record=None):
    """Write one move on a locked booking and announce it after commit."""
    fields = {
        "status": move.to,
        "last_move": move.name,
        "moved_by": by,
        "moved_at": now,
        **(record or {}),
    }
    if move.to == S.CANCELLED:
        fields["cancelled_at"] = now
    if move.name in {"accept", "accept_for_approval"}:
        fields["offer_expires_at"] = None
    for name, value in fields.items():
        setattr(booking, name, value)
    booking.save(update_fields=[*fields, "updated_at"])
    _announce(booking, move.name, by)
    return booking


def _locked(booking):
    """The booking's session and the booking itself, locked in that order (always the
    same order, so two operations never wait on each other in a circle)."""
    session = type(booking.session).objects.select_for_update().get(pk=booking.session_id)
    locked = type(booking).objects.select_for_update().get(pk=booking.pk)
    locked.session = session
    return session, locked


def move(
    booking,
    name: str,
    *,
    by=None,
    now=None,
    cutoff: timedelta | None = None,
    offer_window: timedelta | None = None,
    record: dict | None = None,
) -> Outcome:
    """Make one move of the table on one booking: lock, check, record, offer any freed
    place, and announce after commit. `record` holds an app's own fields to save with the
    move (e.g. a manager's note). Raises BookingError, changing nothing, when the table
    or the move's check refuses. Moving a booking to the status it already has (a
    register marked twice) changes nothing."""
    rule = MOVES[name]
    now = now or timezone.now()
    with transaction.atomic():
        session, booking = _locked(booking)
        if booking.status == rule.to and name in ATTENDANCE_MOVES:
            return Outcome(booking=booking, changed=False)
        if booking.status not in rule.sources:
            raise BookingError(rule.refusal)
        problem = rule.check(booking, session, now, cutoff) if rule.check else None
        if problem:
            raise BookingError(problem)
        _apply(booking, rule, by=by, now=now, record=record)
        offered = _offer_free_places(session, now, offer_window) if rule.frees_place else []
        return Outcome(booking=booking, offered=offered)


# --- Operations ----------------------------------------------------------------------


def book_place(
    session_model,
    session_id,
    *,
    holder: dict,
    defaults: dict | None = None,
    allow_waitlist: bool = True,
    needs_approval: bool = False,
    by=None,
    now=None,
):
    """Give the holder a place, or a waiting-list place when the session is full.

    Raises BookingError (and changes nothing) for a closed, past, cancelled or full
    session, or when the holder already has a place or a waiting-list place.
    """
    now = now or timezone.now()
    with transaction.atomic():
        session = session_model.objects.select_for_update().get(pk=session_id)
        problem = session.booking_problem(now)
        if problem:
            raise BookingError(problem)
        existing = session.bookings.filter(status__in=ACTIVE, **holder).first()
        if existing is not None:
            if existing.status == BookingStatus.WAITLISTED:
                raise BookingError("You are already on the waiting list for this session.")
            raise BookingError("You already have a place on this session.")
        taken = session.bookings.filter(status__in=HOLDS_PLACE).count()
        if taken < session.capacity:
            status = BookingStatus.PENDING_APPROVAL if needs_approval else BookingStatus.CONFIRMED
        elif allow_waitlist:
            status = BookingStatus.WAITLISTED
        else:
            raise BookingError("Sorry, this session is full.")
        booking = session.bookings.model.objects.create(
            session=session,
            status=status,
            created_at=now,
            last_move="book",
            moved_by=by,
            moved_at=now,
            **holder,
            **(defaults or {}),
        )
        _announce(booking, "book", by)
        return booking


def approve(booking, *, by=None, now=None, record=None):
    """Confirm a place held for approval. Returns the booking."""
    return move(booking, "approve", by=by, now=now, record=record).booking


def refuse(booking, *, by=None, now=None, offer_window=None, record=None) -> Outcome:
    """Decline a place held for approval; it passes to the next person waiting."""
    return move(booking, "refuse", by=by, now=now, offer_window=offer_window, record=record)


def accept(booking, *, by=None, needs_approval=False, now=None):
    """Turn an offered place into a confirmed one (or one held for approval), if the offer
    is still open. Returns the booking."""
    name = "accept_for_approval" if needs_approval else "accept"
    return move(booking, name, by=by, now=now).booking


def decline(booking, *, by=None, now=None, offer_window=None) -> Outcome:
    """Turn down an offered place; it passes to the next person waiting."""
    return move(booking, "decline", by=by, now=now, offer_window=offer_window)


def cancel(booking, *, by=None, cutoff=None, now=None, offer_window=None) -> Outcome:
    """Cancel a place or a waiting-list place, then offer any freed place to the next
    person. With a `cutoff`, a place cannot be cancelled within that time of the start;
    `offer_window` is how long the next person has to accept (48 hours by default)."""
    return move(booking, "cancel", by=by, now=now, cutoff=cutoff, offer_window=offer_window)


def cancel_session(session_model, session_id, *, by=None, now=None) -> list:
    """Cancel a session and every place, offer and waiting-list place on it. Returns the
    bookings this cancelled (none when it had already been done)."""
    now = now or timezone.now()
    rule = MOVES["cancel_session"]
    with transaction.atomic():
        session = session_model.objects.select_for_update().get(pk=session_id)
        if not session.is_cancelled:
            session.is_cancelled = True
            session.save(update_fields=["is_cancelled"])
        bookings = list(session.bookings.select_for_update().filter(status__in=rule.sources))
        for booking in bookings:
            _apply(booking, rule, by=by, now=now)
        return bookings


def attended(booking, *, by=None, now=None, record=None) -> Outcome:
    return move(booking, "attended", by=by, now=now, record=record)


def no_show(booking, *, by=None, now=None, record=None) -> Outcome:
    return move(booking, "no_show", by=by, now=now, record=record)


def late_cancelled(booking, *, by=None, now=None, record=None) -> Outcome:
    return move(booking, "late_cancelled", by=by, now=now, record=record)


def expire_offers(session_model, *, now=None, offer_window: timedelta | None = None) -> Outcome:
    """Lapse offers past their deadline and pass each place to the next person waiting.

    Offers on sessions that have already started lapse too (they would otherwise hold a
    place for ever), but nobody new is offered a place on them.
    """
    now = now or timezone.now()
    rule = MOVES["expire"]
    booking_model = session_model._meta.get_field("bookings").related_model
    offered = []
    session_ids = (
        booking_model.objects.filter(status=S.OFFERED, offer_expires_at__lte=now)
        .values_list("session_id", flat=True)
        .distinct()
    )
    for session_id in list(session_ids):
        with transaction.atomic():
            session = session_model.objects.select_for_update().get(pk=session_id)
            for booking in session.bookings.select_for_update().filter(
                status=S.OFFERED, offer_expires_at__lte=now
            ):
                _apply(booking, rule, by=None, now=now)
            offered += _offer_free_places(session, now, offer_window)
    return Outcome(offered=offered)


def _offer_free_places(session, now, window: timedelta | None = None) -> list:
    """Offer each free place to the longest-waiting person. Caller holds the session lock."""
    window = window or DEFAULT_OFFER_WINDOW
    # Once booking has closed an offer could never be accepted: offering it would only
    # walk the waiting list sending e-mails nobody can act on.
    if session.starts_at <= now or session.is_cancelled or now >= session.closes_at():
        return []
    free = session.capacity - session.bookings.filter(status__in=HOLDS_PLACE).count()
    if free <= 0:
        return []
    # Never let an offer outlive the chance to attend.
    expires = min(now + window, session.closes_at())
    rule = MOVES["offer"]
    offered = []
    for booking in (
        session.bookings.select_for_update()
        .filter(status=S.WAITLISTED)
        .order_by("created_at", "pk")[:free]
    ):
        _apply(booking, rule, by=None, now=now, record={"offer_expires_at": expires})
        offered.append(booking)
    return offered
