"""On the embedded default (SQLite), people racing for the last place queue for the write
lock instead of failing with "database is locked": one gets the place, the other a place
on the waiting list, and nobody sees an error page.

SQLite's test database is in memory, where locking works differently, so these tests copy
it to a file and run the racers against that file with the portal's own connection
settings (`DATABASES["default"]["OPTIONS"]`)."""

import sqlite3
import threading
import time

import pytest
from django.db import connection, connections

from academy.factories import BookingFactory, TrainingSessionFactory, staff_user
from academy.services import booking as service
from core.booking import BookingError, BookingStatus

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="The embedded SQLite default's own behaviour."
    ),
]


def _copy_to_file(path):
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()


def _race(path, *actions):
    """Run each action in its own thread, all released at once, against the file copy.
    Returns what each returned or raised, in order."""
    start = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def run(index, action):
        wrapper = connections["default"]  # this thread's own connection, not yet open
        wrapper.settings_dict = {**wrapper.settings_dict, "NAME": str(path)}
        try:
            start.wait()
            results[index] = action()
        except Exception as error:  # noqa: BLE001 - the test reports whatever happened
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.fixture
def slow_reads(monkeypatch):
    """Hold each transaction open a moment after every read, so both racers have read
    before either writes: the interleaving that deadlocks SQLite's default (deferred)
    transactions. Without it the race would happen only sometimes."""
    from django.db.models.query import QuerySet

    original = QuerySet.get

    def get(self, *args, **kwargs):
        found = original(self, *args, **kwargs)
        if connections[self.db].in_atomic_block:
            time.sleep(0.3)
        return found

    monkeypatch.setattr(QuerySet, "get", get)


def _status_on_file(path, booking_id):
    with sqlite3.connect(path) as db:
        return db.execute(
            "SELECT status FROM academy_booking WHERE id = ?", [booking_id]
        ).fetchone()[0]


def test_two_people_racing_for_the_last_place_get_a_place_and_a_waiting_list_place(
    tmp_path, slow_reads
):
    from core.tree import ensure_roots

    ensure_roots()
    session = TrainingSessionFactory(capacity=1)
    first, second = staff_user(), staff_user()
    path = tmp_path / "portal.sqlite3"
    _copy_to_file(path)

    results = _race(
        path, lambda: service.book(first, session), lambda: service.book(second, session)
    )

    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted(r.status for r in results) == [BookingStatus.CONFIRMED, BookingStatus.WAITLISTED]
    with sqlite3.connect(path) as db:
        stored = sorted(
            row[0]
            for row in db.execute(
                "SELECT status FROM academy_booking WHERE session_id = ?", [session.pk]
            )
        )
    assert stored == [BookingStatus.CONFIRMED, BookingStatus.WAITLISTED]


def test_the_same_offer_accepted_twice_at_once_is_confirmed_once_and_the_other_told_why(
    tmp_path, slow_reads
):
    from core.tree import ensure_roots

    ensure_roots()
    session = TrainingSessionFactory(capacity=1)
    person = staff_user()
    offer = BookingFactory(session=session, user=person, status=BookingStatus.OFFERED)
    path = tmp_path / "portal.sqlite3"
    _copy_to_file(path)

    results = _race(
        path,
        lambda: service.accept(offer, person),
        lambda: service.accept(offer, person),
    )

    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], BookingError), results
    assert errors[0].message == "This offer is no longer open."
    assert _status_on_file(path, offer.pk) == BookingStatus.CONFIRMED
