"""The Bookings screen in the Wagtail admin shows a booking's status but cannot set it:
approving, declining and cancelling are actions that go through the booking engine, with
its places, waiting list and e-mails, and only the moves the table allows are offered."""

import pytest
from django.core import mail

from academy.models import Booking
from academy.services import booking as service
from core.booking import BookingStatus

pytestmark = pytest.mark.django_db

EDIT = "/admin/academy/bookings/edit/{}/"
MOVE = "/admin/academy/bookings/move/{}/{}/"


@pytest.fixture
def full_session(staff, session_factory):
    """A one-place session: one person has the place, one waits."""
    session = session_factory(capacity=1)
    placed = service.book(staff(), session)
    waiting = service.book(staff(), session)
    return session, placed, waiting


def test_the_admin_form_shows_the_status_but_cannot_set_it(client_for, full_session):
    session, placed, waiting = full_session
    lead = client_for("L&D lead")
    page = lead.get(EDIT.format(waiting.pk))
    assert page.status_code == 200
    text = page.content.decode()
    assert "On the waiting list" in text
    assert 'name="status"' not in text

    lead.post(EDIT.format(waiting.pk), {"status": BookingStatus.CONFIRMED, "decision_note": ""})

    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.WAITLISTED
    assert session.places_left() == 0
    assert Booking.objects.filter(session=session, status=BookingStatus.CONFIRMED).count() == 1


def test_cancelling_in_the_admin_goes_through_the_engine_and_offers_the_place(
    client_for, full_session, django_capture_on_commit_callbacks
):
    _session, placed, waiting = full_session
    lead = client_for("L&D lead")
    edit = lead.get(EDIT.format(placed.pk)).content.decode()
    assert MOVE.format(placed.pk, "cancel") in edit
    assert MOVE.format(placed.pk, "approve") not in edit  # not waiting for approval
    confirm = lead.get(MOVE.format(placed.pk, "cancel"))
    assert confirm.status_code == 200
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = lead.post(MOVE.format(placed.pk, "cancel"), {"note": ""})

    assert response.status_code == 302
    placed.refresh_from_db()
    waiting.refresh_from_db()
    assert placed.status == BookingStatus.CANCELLED
    assert placed.moved_by == lead.user and placed.last_move == "cancel"
    assert placed.moved_at is not None
    assert waiting.status == BookingStatus.OFFERED
    assert {m.to[0] for m in mail.outbox} == {placed.user.email, waiting.user.email}


def test_the_admin_approves_a_held_place_and_the_person_is_told(
    client_for, staff, session_factory, make_user, django_capture_on_commit_callbacks
):
    manager = make_user("line manager")
    session = session_factory(needs_approval=True)
    held = service.book(staff(line_manager=manager), session)
    lead = client_for("L&D lead")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        lead.post(MOVE.format(held.pk, "approve"))
    held.refresh_from_db()
    assert held.status == BookingStatus.CONFIRMED
    assert held.decided_by == lead.user
    assert [m.to for m in mail.outbox] == [[held.user.email]]
    assert "confirmed" in mail.outbox[0].subject


def test_a_move_the_table_forbids_is_refused_and_changes_nothing(client_for, full_session):
    _session, placed, waiting = full_session
    lead = client_for("L&D lead")
    response = lead.post(MOVE.format(placed.pk, "approve"), follow=True)
    assert "no longer waiting for a decision" in response.content.decode()
    placed.refresh_from_db()
    assert placed.status == BookingStatus.CONFIRMED
    # Moves the admin does not offer (attendance is taken on the register) do not exist.
    assert lead.post(MOVE.format(placed.pk, "attended")).status_code == 404
    assert lead.post(MOVE.format(placed.pk, "abc")).status_code == 404
    placed.refresh_from_db()
    assert placed.status == BookingStatus.CONFIRMED


def test_only_people_who_may_change_bookings_can_use_the_actions(client_for, full_session):
    _session, placed, _waiting = full_session
    for role in ("staff member", "trainer"):
        response = client_for(role).post(MOVE.format(placed.pk, "cancel"))
        assert response.status_code in {302, 403}
    placed.refresh_from_db()
    assert placed.status == BookingStatus.CONFIRMED


def test_bookings_cannot_be_added_in_the_admin(client_for):
    lead = client_for("L&D lead")
    response = lead.get("/admin/academy/bookings/new/")
    assert response.status_code in {302, 403}  # Wagtail turns a refusal into a redirect
    assert response.get("Location", "/admin/") == "/admin/"
    assert (
        "/admin/academy/bookings/new/" not in lead.get("/admin/academy/bookings/").content.decode()
    )
