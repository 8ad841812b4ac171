"""Information-event bookings in the Wagtail admin: the team sees the status and can
correct the booker's details, but cannot set the status; cancelling a place is an
action that goes through the booking engine."""

import pytest

from core.booking import BookingStatus
from fostering.factories import EventBookingFactory, InformationEventFactory

pytestmark = pytest.mark.django_db

EDIT = "/admin/snippets/fostering/eventbooking/edit/{}/"
MOVE = "/admin/snippets/fostering/eventbooking/move/{}/{}/"


def test_the_team_cannot_set_an_event_booking_status_in_the_admin(client_for):
    event = InformationEventFactory(capacity=1)
    booking = EventBookingFactory(session=event, status=BookingStatus.CANCELLED)
    team = client_for("fostering team")
    page = team.get(EDIT.format(booking.pk))
    assert page.status_code == 200
    assert 'name="status"' not in page.content.decode()
    team.post(
        EDIT.format(booking.pk),
        {"status": BookingStatus.CONFIRMED, "name": booking.name, "email": booking.email},
    )
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert event.places_left() == 1


def test_the_team_cancels_a_place_through_the_engine(client_for):
    event = InformationEventFactory(capacity=1)
    booking = EventBookingFactory(session=event)
    team = client_for("fostering team")
    assert MOVE.format(booking.pk, "cancel") in team.get(EDIT.format(booking.pk)).content.decode()
    team.post(MOVE.format(booking.pk, "cancel"))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert booking.moved_by == team.user and booking.cancelled_at is not None
    assert event.places_left() == 1
    # Cancelling again is refused by the table and changes nothing.
    response = team.post(MOVE.format(booking.pk, "cancel"), follow=True)
    assert "no longer active" in response.content.decode()
