"""Many people booking the last places at the same moment never overbook a session."""

import threading

import pytest
from django.db import connection, connections

from academy.factories import TrainingSessionFactory, staff_user
from academy.models import Booking, TrainingSession
from core.booking import HOLDS_PLACE, BookingError, BookingStatus, book_place

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Needs PostgreSQL's row locks (SQLite serialises every write, so it proves "
        "nothing): run with DATABASE_URL=postgres://…",
    ),
]

PEOPLE = 36
PLACES = 10


def test_thirty_six_people_booking_ten_places_at_once_never_overbook():
    from core.tree import ensure_roots

    ensure_roots()
    session = TrainingSessionFactory(capacity=PLACES)
    people = [staff_user() for _ in range(PEOPLE)]
    start = threading.Barrier(PEOPLE)
    outcomes, errors = [], []

    def book(user):
        try:
            start.wait()
            booking = book_place(TrainingSession, session.pk, holder={"user": user})
            outcomes.append(booking.status)
        except BookingError as error:
            errors.append(error.message)
        except Exception as error:  # noqa: BLE001 - surface any database error in the test
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    held = Booking.objects.filter(session=session, status__in=HOLDS_PLACE).count()
    assert held == PLACES
    assert outcomes.count(BookingStatus.CONFIRMED) == PLACES
    assert outcomes.count(BookingStatus.WAITLISTED) == PEOPLE - PLACES
    # The waiting list is in the order people arrived, every one of them on it.
    assert Booking.objects.filter(session=session).count() == PEOPLE


def test_the_same_person_clicking_book_many_times_at_once_gets_one_place():
    from core.tree import ensure_roots

    ensure_roots()
    session = TrainingSessionFactory(capacity=PLACES)
    person = staff_user()
    start = threading.Barrier(8)
    results = []

    def book():
        try:
            start.wait()
            book_place(TrainingSession, session.pk, holder={"user": person})
            results.append("booked")
        except BookingError as error:
            results.append(error.message)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count("booked") == 1
    assert Booking.objects.filter(session=session, user=person).count() == 1
