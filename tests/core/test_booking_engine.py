"""The booking table (core.booking.MOVES) is the one set of rules for academy sessions
and fostering events alike: every move it does not list is refused with a message and
changes nothing; every move it makes records who and when, and is announced only after
the transaction commits."""

import datetime

import pytest
from django.apps import apps
from django.utils import timezone

from academy.factories import BookingFactory, TrainingSessionFactory
from core import booking as engine
from core.booking import MOVES, BookingBase, BookingError, BookingStatus, booking_moved
from fostering.factories import FosteringCaseFactory, PreparationSessionFactory
from fostering.services import book_preparation_place

pytestmark = pytest.mark.django_db


def test_every_move_the_table_does_not_list_is_refused_and_changes_nothing():
    started = timezone.now() - datetime.timedelta(hours=1)
    session = TrainingSessionFactory(
        capacity=50, starts_at=started, ends_at=started + datetime.timedelta(hours=3)
    )
    bookings = {status: BookingFactory(session=session, status=status) for status in BookingStatus}
    tried = 0
    for move in MOVES.values():
        for status, booking in bookings.items():
            if status in move.sources:
                continue
            with pytest.raises(BookingError) as refused:
                engine.move(booking, move.name)
            assert refused.value.message == move.refusal
            booking.refresh_from_db()
            assert booking.status == status and booking.last_move == ""
            tried += 1
    assert tried > 50


def test_attendance_cannot_be_recorded_before_the_session_starts():
    session = TrainingSessionFactory()  # in the future
    booking = BookingFactory(session=session)
    for name in engine.ATTENDANCE_MOVES:
        with pytest.raises(BookingError, match="once the session has started"):
            engine.move(booking, name)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_a_move_records_who_and_when_and_is_announced_only_after_commit(
    make_user, django_capture_on_commit_callbacks
):
    heard = []

    def listen(sender, booking, move, by, **kwargs):
        heard.append((sender.__name__, booking.pk, move, by))

    booking_moved.connect(listen)
    try:
        team = make_user("fostering team")
        session = PreparationSessionFactory(capacity=1)
        first = book_preparation_place(session, FosteringCaseFactory())
        waiting = book_preparation_place(session, FosteringCaseFactory())
        when = timezone.now()
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            outcome = engine.cancel(first, by=team, now=when)
        assert heard == []  # nothing is said before the move is saved for good
        for callback in callbacks:
            callback()
    finally:
        booking_moved.disconnect(listen)
    first.refresh_from_db()
    assert (first.status, first.last_move, first.moved_by, first.moved_at) == (
        BookingStatus.CANCELLED,
        "cancel",
        team,
        when,
    )
    assert [b.pk for b in outcome.offered] == [waiting.pk]
    assert heard == [
        ("PreparationBooking", first.pk, "cancel", team),
        ("PreparationBooking", waiting.pk, "offer", None),
    ]


def test_no_form_can_edit_a_booking_status():
    booking_models = [m for m in apps.get_models() if issubclass(m, BookingBase)]
    assert {m.__name__ for m in booking_models} >= {
        "Booking",
        "EventBooking",
        "PreparationBooking",
    }
    for model in booking_models:
        assert not model._meta.get_field("status").editable, model
