"""Done when: a visitor books an information event, enquires, creates an account and
follows their case while a member of the fostering team moves it to approval."""

import datetime
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.factories import StaffProfileFactory, UserFactory
from core.tree import ensure_roots
from fostering.factories import (
    InformationEventFactory,
    PreparationSessionFactory,
    satisfy_gates,
)
from fostering.models import EventBooking, FosteringCase
from fostering.pipeline import Stage
from tests.browser.conftest import assert_accessible, sign_in
from tests.conftest import give_totp

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "robin.ellery@example.com"
STAGE_BY_LABEL = {stage.label: stage.value for stage in Stage}
PASSWORD = "Fostering-journey-2026"


@pytest.fixture
def setting(transactional_db):
    ensure_roots()
    full = InformationEventFactory(title="Fostering in Southampton: online evening", capacity=1)
    InformationEventFactory(
        title="Meet our foster carers: drop-in",
        in_person=True,
        starts_at=full.starts_at + datetime.timedelta(days=3),
        ends_at=full.ends_at + datetime.timedelta(days=3),
    )
    EventBooking.objects.create(
        session=full, name="Someone", email="someone@example.com", status="confirmed"
    )
    PreparationSessionFactory(title="Skills to Foster, day 1")
    worker = UserFactory(
        email="worker@example.com",
        first_name="Grace",
        last_name="Turner",
        roles=["fostering team", "staff member"],
    )
    StaffProfileFactory(user=worker)
    give_totp(worker)
    return worker


def test_visitor_books_enquires_and_follows_their_case_to_approval(page, new_page, setting):
    worker = setting
    # 1. The full event offers the next one; the visitor books that.
    page.goto("/fostering-events/")
    assert_accessible(page)
    page.get_by_role("link", name="Fostering in Southampton: online evening").click()
    expect(page.get_by_text("Sorry, this event is full.")).to_be_visible()
    page.locator("#next-event").get_by_role("link").click()
    page.get_by_label("Your name").fill("Robin Ellery")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_role("button", name="Book my place").click()
    expect(page.get_by_text("Your place is booked")).to_be_visible()
    expect(page.get_by_text("Civic Centre").first).to_be_visible()
    assert_accessible(page)
    confirmation = next(m for m in mail.outbox if m.to == [EMAIL])
    assert confirmation.attachments[0][0].endswith(".ics")

    # 2. The enquiry, with one mistake first.
    page.goto("/fostering-enquiry/")
    assert_accessible(page)
    page.get_by_label("First name").fill("Robin")
    page.get_by_label("Last name").fill("Ellery")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Phone number").fill("07700 900777")
    page.get_by_label("When is a good time to call you?").fill("Weekday evenings")
    page.get_by_label("Postcode").fill("so15 2ab")
    page.get_by_label("Who lives in your home?").fill("Me and my partner Alex.")
    page.get_by_label("Yes", exact=True).check()
    page.get_by_label("Long-term").check()
    page.get_by_label("How did you hear about fostering with us?").select_option(
        "information_event"
    )
    page.get_by_role("button", name="Send my enquiry").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert page.get_by_label("First name").input_value() == "Robin"
    assert_accessible(page)
    page.get_by_label("I agree to the fostering team contacting me").check()
    page.get_by_role("button", name="Send my enquiry").click()
    expect(page.get_by_role("heading", name="Enquiry sent")).to_be_visible()
    assert_accessible(page)
    case = FosteringCase.objects.get(email=EMAIL)
    expect(page.get_by_text(case.reference)).to_be_visible()

    # 3. The visitor creates a foster enquirer account and confirms their address.
    page.goto("/accounts/signup/")
    page.get_by_label("First name").fill("Robin")
    page.get_by_label("Last name").fill("Ellery")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Confirm password").fill(PASSWORD)
    page.get_by_label("Fostering").check()
    page.get_by_role("button", name="Create account").click()
    confirm = next(
        m for m in reversed(mail.outbox) if m.to == [EMAIL] and "confirm-email" in m.body
    )
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", confirm.body).group(0)
    page.goto(link[link.index("/accounts/") :])
    page.get_by_role("button", name="Confirm").click()
    page.goto("/accounts/me/")
    page.get_by_role("link", name="My fostering enquiry").click()
    assert page.locator("#current-stage").inner_text() == "Enquiry"
    assert_accessible(page)

    # 4. The fostering team moves the case, step by step, to approval.
    staff = new_page()
    sign_in(staff, worker.email, user=worker)
    staff.goto("/fostering-team/")
    assert_accessible(staff)
    staff.get_by_role("link", name=re.compile(case.reference)).click()
    assert_accessible(staff)
    steps = [
        "Initial call",
        "Initial home visit",
        "Application received",
        "Stage 1 checks",
        "Preparation training (Skills to Foster)",
        "Stage 2 assessment (Form F)",
        "Panel booked",
        "Panel recommendation",
        "Agency decision",
        "Approved",
    ]
    # A move the table forbids is not even offered.
    assert staff.get_by_label("Approved", exact=True).count() == 0
    for step in steps:
        if step == "Initial home visit":
            # The visit needs an assigned worker: refused, saying so, until one is.
            expect(staff.locator("#needs-initial_visit")).to_contain_text("Missing")
            staff.get_by_label(step, exact=True).check()
            staff.get_by_role("button", name="Move case").click()
            summary = staff.locator(".govuk-error-summary")
            expect(summary.get_by_text("Assign an assessing social worker")).to_be_visible()
            assert_accessible(staff)
            staff.get_by_role("link", name="Change assignment, dates and decisions").click()
            staff.get_by_label("Assessing social worker").select_option(label=str(worker))
            staff.get_by_role("button", name="Save").click()
        elif step != "Initial call":
            # What the rest of the journey needs (household, checks, training attended,
            # assessment, panel, decision) is recorded as the team would have.
            case.refresh_from_db()
            satisfy_gates(case, STAGE_BY_LABEL[step], worker=worker)
            staff.reload()
            expect(staff.locator(f"#needs-{STAGE_BY_LABEL[step]}")).not_to_contain_text("Missing")
        staff.get_by_label(step, exact=True).check()
        staff.get_by_role("button", name="Move case").click()
        expect(staff.get_by_text(f"moved to {step}")).to_be_visible()
        if step == "Stage 1 checks":
            staff.get_by_label("Skills to Foster session").select_option(index=1)
            staff.get_by_role("button", name="Book training").click()
            page.reload()
            assert page.locator("#current-stage").inner_text() == "Stage 1 checks"
            expect(page.get_by_text("Skills to Foster, day 1")).to_be_visible()
    assert staff.locator("#case-stage").inner_text() == "Approved"
    expect(staff.locator("#timeline").get_by_text("Agency decision → Approved")).to_be_visible()

    page.reload()
    assert page.locator("#current-stage").inner_text() == "Approved"
    expect(page.get_by_text("You are approved as foster carers")).to_be_visible()
    assert_accessible(page)
