"""The Skills to Foster register records attendance through the booking engine: only once
the session has started, only "attended" or "did not attend", recording who marked it;
forged or stale values are refused with a message, never a server error."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.booking import BookingStatus
from fostering.factories import FosteringCaseFactory, PreparationSessionFactory
from fostering.services import book_preparation_place

pytestmark = pytest.mark.django_db


def _booked(starts_in_hours=24 * 21):
    session = PreparationSessionFactory()
    booking = book_preparation_place(session, FosteringCaseFactory())
    if starts_in_hours <= 0:
        starts = timezone.now() + datetime.timedelta(hours=starts_in_hours)
        type(session).objects.filter(pk=session.pk).update(
            starts_at=starts, ends_at=starts + datetime.timedelta(hours=6)
        )
    return session, booking


def _mark(client, session, **data):
    return client.post(reverse("fostering:session_register", args=[session.pk]), data)


def test_attendance_cannot_be_recorded_before_the_session_starts(client_for):
    team = client_for("fostering team")
    session, booking = _booked()
    page = team.get(reverse("fostering:session_register", args=[session.pk])).content.decode()
    assert "once the session has started" in page
    assert "Did not attend<span" not in page
    response = _mark(team, session, booking=booking.pk, attended="attended")
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    followed = team.get(response["Location"]).content.decode()
    assert "Attendance can be recorded once the session has started" in followed


def test_once_started_the_team_records_attended_then_corrects_it(client_for):
    team = client_for("fostering team")
    session, booking = _booked(starts_in_hours=-1)
    _mark(team, session, booking=booking.pk, attended="attended")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.ATTENDED
    assert booking.moved_by == team.user and booking.last_move == "attended"
    _mark(team, session, booking=booking.pk, attended="no_show")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.NO_SHOW


@pytest.mark.parametrize(
    "data",
    [
        {"attended": "maybe"},  # not "any value means did not attend"
        {"attended": "no"},
        {"attended": ""},
        {"booking": "abc"},
        {"booking": "1e3"},
        {"booking": ""},
        {"booking": "99999999"},
    ],
    ids=lambda d: "&".join(f"{k}={v}" for k, v in d.items()),
)
def test_forged_values_are_refused_with_a_message_and_change_nothing(client_for, data):
    team = client_for("fostering team")
    session, booking = _booked(starts_in_hours=-1)
    response = _mark(team, session, **({"booking": booking.pk, "attended": "attended"} | data))
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_a_booking_from_another_session_is_not_on_this_register(client_for):
    team = client_for("fostering team")
    session, _mine = _booked(starts_in_hours=-1)
    _other_session, other = _booked(starts_in_hours=-1)
    response = _mark(team, session, booking=other.pk, attended="attended")
    assert response.status_code == 400
    other.refresh_from_db()
    assert other.status == BookingStatus.CONFIRMED


def test_a_waiting_list_place_cannot_be_marked_attended(client_for):
    team = client_for("fostering team")
    session = PreparationSessionFactory(capacity=1)
    book_preparation_place(session, FosteringCaseFactory())
    waiting = book_preparation_place(session, FosteringCaseFactory())
    type(session).objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=1)
    )
    _mark(team, session, booking=waiting.pk, attended="attended")
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.WAITLISTED
