"""An L&D lead cancels a place from the Wagtail Bookings screen: the status is shown, not
editable; the action asks for confirmation on an accessible page and goes through the
booking engine, so the person waiting is offered the place."""

import pytest
from playwright.sync_api import expect

from academy.factories import TrainingSessionFactory, staff_user
from academy.services import booking as service
from core.booking import BookingStatus
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_ld_lead_cancels_a_place_in_the_admin_and_the_next_person_is_offered_it(page, make_user):
    from core.tree import ensure_roots

    ensure_roots()
    session = TrainingSessionFactory(capacity=1)
    placed = service.book(staff_user(), session)
    waiting = service.book(staff_user(), session)
    lead = make_user("L&D lead", email="fatima@example.com")

    sign_in(page, lead.email, user=lead)
    page.goto(f"/admin/academy/bookings/edit/{placed.pk}/")
    expect(page.get_by_text("Place confirmed").first).to_be_visible()
    assert page.locator('[name="status"]').count() == 0
    page.get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Cancel the booking").click()
    expect(page.get_by_role("heading", name="Cancel the booking")).to_be_visible()
    assert_accessible(page, context="main")
    page.get_by_label("Note to keep with the booking (optional)").fill("Off sick")
    page.get_by_role("button", name="Cancel the booking").click()
    expect(page.get_by_text("cancelled").first).to_be_visible()

    placed.refresh_from_db()
    waiting.refresh_from_db()
    assert placed.status == BookingStatus.CANCELLED and placed.moved_by == lead
    assert waiting.status == BookingStatus.OFFERED
