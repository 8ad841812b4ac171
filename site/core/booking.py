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

and calls the services below. Every service locks the session row (`select_for_update`)
inside one transaction before it counts places, so two people can never take the last
place at once: "count, then insert" without the lock overbooks under load.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.validators import MinValueValidator
from django.db import models, transaction
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
    status = models.CharField(max_length=20, choices=BookingStatus.choices, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    @property
    def holds_place(self) -> bool:
        return self.status in HOLDS_PLACE


def one_active_booking_per(*holder_fields: str, name: str | None = None):
    """A database guarantee that a person never holds two active bookings on one session."""
    fields = ("session", *holder_fields)
    return models.UniqueConstraint(
        fields=fields,
        condition=models.Q(status__in=sorted(ACTIVE)),  # sorted: stable migrations
        name=name or "%(app_label)s_%(class)s_one_active_per_" + "_".join(holder_fields),
    )


@dataclass
class Released:
    """What a cancellation or expiry set free: the bookings now offered a place."""

    offered: list


def book_place(
    session_model,
    session_id,
    *,
    holder: dict,
    defaults: dict | None = None,
    allow_waitlist: bool = True,
    needs_approval: bool = False,
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
        return session.bookings.model.objects.create(
            session=session, status=status, created_at=now, **holder, **(defaults or {})
        )


def cancel_booking(
    booking, *, cutoff: timedelta | None = None, now=None, offer_window: timedelta | None = None
) -> Released:
    """Cancel a place or a waiting-list place, then offer any freed place to the next person.

    With a `cutoff`, a place cannot be cancelled within that time of the start.
    `offer_window` is how long the next person has to accept (48 hours by default).
    """
    now = now or timezone.now()
    with transaction.atomic():
        session = type(booking.session).objects.select_for_update().get(pk=booking.session_id)
        booking = type(booking).objects.select_for_update().get(pk=booking.pk)
        if booking.status not in ACTIVE or booking.status in {
            BookingStatus.ATTENDED,
            BookingStatus.NO_SHOW,
        }:
            raise BookingError("This booking cannot be cancelled: it is no longer active.")
        if (
            cutoff is not None
            and booking.status in HOLDS_PLACE
            and now > session.starts_at - cutoff
        ):
            raise BookingError(
                "It is too late to cancel this place online. Please contact the organiser."
            )
        booking.status = BookingStatus.CANCELLED
        booking.cancelled_at = now
        booking.save(update_fields=["status", "cancelled_at", "updated_at"])
        return Released(offered=_offer_free_places(session, now, offer_window))


def accept_offer(booking, *, now=None):
    """Turn an offered place into a confirmed one, if the offer is still open."""
    now = now or timezone.now()
    with transaction.atomic():
        type(booking.session).objects.select_for_update().get(pk=booking.session_id)
        booking = type(booking).objects.select_for_update().get(pk=booking.pk)
        if booking.status != BookingStatus.OFFERED:
            raise BookingError("This offer is no longer open.")
        if booking.offer_expires_at and booking.offer_expires_at <= now:
            raise BookingError("Sorry, this offer has expired and the place has passed on.")
        booking.status = BookingStatus.CONFIRMED
        booking.offer_expires_at = None
        booking.save(update_fields=["status", "offer_expires_at", "updated_at"])
        return booking


def decline_offer(booking, *, now=None, offer_window: timedelta | None = None) -> Released:
    """Turn down an offered place; it passes to the next person waiting."""
    now = now or timezone.now()
    with transaction.atomic():
        session = type(booking.session).objects.select_for_update().get(pk=booking.session_id)
        booking = type(booking).objects.select_for_update().get(pk=booking.pk)
        if booking.status != BookingStatus.OFFERED:
            raise BookingError("This offer is no longer open.")
        booking.status = BookingStatus.DECLINED
        booking.save(update_fields=["status", "updated_at"])
        return Released(offered=_offer_free_places(session, now, offer_window))


def refuse_booking(
    booking, *, now=None, offer_window: timedelta | None = None, status=BookingStatus.DECLINED
) -> Released:
    """Refuse a place waiting for approval (e.g. a manager declines it); the place passes
    to the next person waiting. Raises BookingError if it is no longer waiting."""
    now = now or timezone.now()
    with transaction.atomic():
        session = type(booking.session).objects.select_for_update().get(pk=booking.session_id)
        booking = type(booking).objects.select_for_update().get(pk=booking.pk)
        if booking.status != BookingStatus.PENDING_APPROVAL:
            raise BookingError("This booking is no longer waiting for a decision.")
        booking.status = status
        booking.save(update_fields=["status", "updated_at"])
        return Released(offered=_offer_free_places(session, now, offer_window))


def expire_offers(session_model, *, now=None, offer_window: timedelta | None = None) -> Released:
    """Lapse offers past their deadline and pass each place to the next person waiting.

    Offers on sessions that have already started lapse too (they would otherwise hold a
    place for ever), but nobody new is offered a place on them.
    """
    now = now or timezone.now()
    booking_model = session_model._meta.get_field("bookings").related_model
    offered = []
    session_ids = (
        booking_model.objects.filter(status=BookingStatus.OFFERED, offer_expires_at__lte=now)
        .values_list("session_id", flat=True)
        .distinct()
    )
    for session_id in list(session_ids):
        with transaction.atomic():
            session = session_model.objects.select_for_update().get(pk=session_id)
            session.bookings.filter(status=BookingStatus.OFFERED, offer_expires_at__lte=now).update(
                status=BookingStatus.EXPIRED, updated_at=now
            )
            offered += _offer_free_places(session, now, offer_window)
    return Released(offered=offered)


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
    offered = []
    for booking in session.bookings.filter(status=BookingStatus.WAITLISTED).order_by(
        "created_at", "pk"
    )[:free]:
        booking.status = BookingStatus.OFFERED
        booking.offer_expires_at = expires
        booking.save(update_fields=["status", "offer_expires_at", "updated_at"])
        offered.append(booking)
    return offered
