"""What each booking move tells the person (and their manager), sent after commit.

The engine (core.booking) sends `booking_moved` after commit for every booking it moved;
`academy.signal_handlers` passes it to `booking_moved` below."""

from django.db import transaction

from core.booking import BookingStatus

# Booking status -> the notice it triggers.
NOTICE_FOR_STATUS = {
    BookingStatus.CONFIRMED: "confirmed",
    BookingStatus.PENDING_APPROVAL: "awaiting_approval",
    BookingStatus.WAITLISTED: "waitlisted",
    BookingStatus.OFFERED: "offered",
    BookingStatus.CANCELLED: "cancelled",
    BookingStatus.DECLINED: "declined",
    BookingStatus.EXPIRED: "offer_expired",
}


def notice_key(booking) -> str:
    """Distinguishes repeat notices of one kind, e.g. a second offer after an expiry."""
    if (
        booking.status in {BookingStatus.OFFERED, BookingStatus.EXPIRED}
        and booking.offer_expires_at
    ):
        return booking.offer_expires_at.isoformat()
    return ""


# Moves whose notice is not simply the one for the new status.
NOTICE_FOR_MOVE = {
    "decline": None,  # the person turned the offer down themselves: nothing to tell them
    "cancel_session": "session_cancelled",
}


def booking_moved(booking, move: str):
    """Send the notice a move calls for (called after commit)."""
    from ..tasks import send_booking_notice

    if move in NOTICE_FOR_MOVE:
        kind = NOTICE_FOR_MOVE[move]
    else:
        kind = NOTICE_FOR_STATUS.get(booking.status)
    if kind is not None:
        send_booking_notice.delay(booking.pk, kind, notice_key(booking))


def booking_changed(booking):
    """Send, after commit, the notice for the booking's current status (used to catch up
    on notices a run may have missed)."""
    kind = NOTICE_FOR_STATUS.get(booking.status)
    if kind is None:
        return
    from ..tasks import send_booking_notice

    key = notice_key(booking)
    transaction.on_commit(lambda: send_booking_notice.delay(booking.pk, kind, key))
