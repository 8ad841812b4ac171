"""Bad input in a real browser: each gets a clear, accessible message and loses nothing."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.factories import StaffProfileFactory, UserFactory
from core.tree import ensure_roots
from fostering.factories import EventBookingFactory, FosteringCaseFactory, InformationEventFactory
from fostering.models import FosteringCase
from fostering.pipeline import Stage
from fostering.services import booking_token
from tests.browser.conftest import assert_accessible, sign_in
from tests.conftest import give_totp

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def roots(transactional_db):
    ensure_roots()


def test_a_tampered_cancellation_link_explains_and_cancels_nothing(page, roots):
    booking = EventBookingFactory()
    token = booking_token(booking)
    response = page.goto(f"/fostering-events/booking/{token[:-4]}XXXX/")
    assert response.status == 400
    expect(page.get_by_role("heading", name="This link does not work")).to_be_visible()
    expect(page.get_by_text("Nothing has been cancelled")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/fostering-events/booking/{token}/")
    expect(page.get_by_role("button", name="Cancel my place")).to_be_visible()


def test_a_past_event_cannot_be_booked(page, roots):
    started = timezone.now() - datetime.timedelta(hours=1)
    past = InformationEventFactory(starts_at=started, ends_at=started + datetime.timedelta(hours=2))
    InformationEventFactory(title="Next month's evening")
    page.goto(f"/fostering-events/{past.pk}/")
    expect(page.get_by_text("already started")).to_be_visible()
    assert page.get_by_role("button", name="Book my place").count() == 0
    expect(page.get_by_role("link", name="Next month's evening", exact=False)).to_be_visible()
    assert_accessible(page)


def test_a_second_enquiry_is_merged_and_says_so(page, roots):
    FosteringCaseFactory(email="twice@example.com", first_name="Tess")
    page.goto("/fostering-enquiry/")
    page.get_by_label("First name").fill("Tess")
    page.get_by_label("Last name").fill("Again")
    page.get_by_label("Email address").fill("twice@example.com")
    page.get_by_label("Phone number").fill("07700 900321")
    page.get_by_label("Postcode").fill("SO14 7LY")
    page.get_by_label("Who lives in your home?").fill("Just me.")
    page.get_by_label("Not yet, but there will be").check()
    page.get_by_label("Not sure yet").check()
    page.get_by_label("How did you hear about fostering with us?").select_option("friend")
    page.get_by_label("I agree to the fostering team contacting me").check()
    page.get_by_role("button", name="Send my enquiry").click()
    expect(page.get_by_text("we have added what you sent to it")).to_be_visible()
    assert_accessible(page)
    assert FosteringCase.objects.count() == 1
    assert "Just me." in FosteringCase.objects.get().notes.get().text


def test_withdrawing_without_a_reason_is_refused_clearly(page, roots):
    worker = UserFactory(email="team@example.com", roles=["fostering team", "staff member"])
    StaffProfileFactory(user=worker)
    give_totp(worker)
    case = FosteringCaseFactory(stage=Stage.INITIAL_CALL)
    sign_in(page, worker.email, user=worker)
    page.goto(f"/fostering-team/cases/{case.pk}/")
    page.get_by_label("Withdrawn", exact=True).check()
    page.get_by_role("button", name="Move case").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_text("Give the reason")).to_be_visible()
    assert_accessible(page)
    case.refresh_from_db()
    assert case.stage == Stage.INITIAL_CALL
