"""In a real browser: a decision not to approve, the Independent Review Mechanism route to a
final decision, as the team records it and as the applicant reads it."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.factories import StaffProfileFactory, UserFactory
from core.tree import ensure_roots
from fostering.factories import FosteringCaseFactory, walk_to
from fostering.models import FosteringCase
from fostering.pipeline import Stage
from tests.browser.conftest import assert_accessible, sign_in
from tests.conftest import give_totp

pytestmark = pytest.mark.django_db(transaction=True)

REASON = "The assessment did not show a settled support network"


@pytest.fixture
def case_at_decision(transactional_db):
    ensure_roots()
    worker = UserFactory(email="team@example.com", roles=["fostering team", "staff member"])
    StaffProfileFactory(user=worker)
    give_totp(worker)
    applicant = UserFactory(email="applicant@example.com", roles=["foster enquirer"])
    case = FosteringCaseFactory(
        user=applicant,
        email=applicant.email,
        enquired_at=timezone.now() - datetime.timedelta(days=300),
    )
    walk_to(case, Stage.AGENCY_DECISION, by=worker)
    # The decision maker decided not to approve (the team records it, then the move).
    FosteringCase.objects.filter(pk=case.pk).update(agency_decision="not_approve")
    return worker, applicant, case


def test_the_team_records_a_review_and_the_applicant_follows_it(page, new_page, case_at_decision):
    worker, applicant, case = case_at_decision
    sign_in(page, worker.email, user=worker)
    page.goto(f"/fostering-team/cases/{case.pk}/")
    # Not approving needs the reason, and says so.
    page.get_by_label("Not approved: open to review", exact=True).check()
    page.get_by_role("button", name="Move case").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_text("reason for not approving")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Not approved: open to review", exact=True).check()
    page.get_by_label("Note (optional)").fill(REASON)
    page.get_by_role("button", name="Move case").click()
    review = page.locator("#review-route")
    expect(review.get_by_text(REASON)).to_be_visible()
    expect(review.get_by_text("Independent Review Mechanism")).to_be_visible()
    assert_accessible(page)

    applicant_page = new_page()
    sign_in(applicant_page, applicant.email)
    applicant_page.goto(f"/fostering-enquiry/my-case/{case.reference}/")
    assert applicant_page.locator("#current-stage").inner_text() == "Not approved: open to review"
    expect(applicant_page.get_by_text("This is not yet final")).to_be_visible()
    assert_accessible(applicant_page)

    for step in [
        "Independent review requested",
        "Independent review recommendation",
        "Final agency decision",
        "Approved",
    ]:
        if step == "Approved":
            # After the review the decision maker decided to approve: recorded, then moved.
            page.get_by_role("link", name="Change assignment, dates and decisions").click()
            decision = page.get_by_role("group", name="The agency decision maker's decision")
            decision.get_by_label("Approve", exact=True).check()
            page.get_by_role("button", name="Save").click()
        page.get_by_label(step, exact=True).check()
        page.get_by_role("button", name="Move case").click()
        expect(page.get_by_text(f"moved to {step}")).to_be_visible()
    assert page.locator("#case-stage").inner_text() == "Approved"

    applicant_page.reload()
    expect(applicant_page.get_by_text("You are approved as foster carers")).to_be_visible()
    steps = applicant_page.locator("ol.govuk-list--number")
    expect(steps.get_by_text("Independent review requested")).to_be_visible()
    assert_accessible(applicant_page)
