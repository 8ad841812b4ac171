"""What each booking change tells the person (and their manager), sent after commit."""

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


def booking_changed(booking):
    kind = NOTICE_FOR_STATUS.get(booking.status)
    if kind is None:
        return
    from ..tasks import send_booking_notice

    key = notice_key(booking)
    transaction.on_commit(lambda: send_booking_notice.delay(booking.pk, kind, key))
