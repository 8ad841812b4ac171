"""The agency register in a real browser: an above-cap assignment is registered, the DCS and
then the chief executive sign it off, it starts, and the quarterly return downloads."""

import datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from core.tree import ensure_roots
from tests.browser.conftest import assert_accessible, fill_date, sign_in
from workforce.factories import AgencyFactory, AgencyWorkerFactory, PriceCapFactory
from workforce.models import AgencyAssignment, ComplianceRule
from workforce.services.agency import record_compliance
from workforce.services.returns import quarter_of

pytestmark = pytest.mark.django_db(transaction=True)


def test_above_cap_assignment_signed_off_in_order_starts_and_is_in_the_return(
    page, new_page, make_user, transactional_db
):
    ensure_roots()
    lead, dcs, chief = (
        make_user("workforce lead"),
        make_user("director of children's services"),
        make_user("chief executive"),
    )
    PriceCapFactory(effective_from=datetime.date(2024, 1, 1))
    today = datetime.date.today()
    worker = AgencyWorkerFactory(
        start_date=today - datetime.timedelta(days=30), swe_registration_number="SW998877"
    )
    AgencyFactory(name="Solent Locums")

    sign_in(page, lead.email, user=lead)
    page.goto("/workforce/")
    assert_accessible(page)
    page.get_by_role("link", name="Agency register").click()
    page.get_by_role("link", name="Add an assignment").click()
    page.get_by_label("Worker", exact=True).select_option(str(worker.pk))
    page.get_by_label("Agency", exact=True).select_option(label="Solent Locums")
    page.get_by_label("DfE job type").select_option("social_worker")
    page.get_by_label("Team", exact=True).select_option(str(worker.team.pk))
    fill_date(page, "Start date", today)
    fill_date(page, "Planned end date", today + datetime.timedelta(days=90))
    page.get_by_label("Notice period (weeks)", exact=True).fill("4")
    page.get_by_label("Hourly pay rate (£)").fill("55.00")
    page.get_by_label("Reason for using an agency worker").fill("Cover for a long vacancy")
    assert_accessible(page)
    page.get_by_role("button", name="Add to the register").click()
    expect(page.get_by_text("above the cap")).to_be_visible()
    assignment = AgencyAssignment.objects.get()
    for rule in ComplianceRule.values:
        record_compliance(
            assignment, rule=rule, met=True, evidence="On file", by=lead, checked_on=today
        )
    page.reload()
    page.get_by_role("button", name="Start the assignment").click()
    expect(page.get_by_text("needs sign-off by the Director")).to_be_visible()
    assert_accessible(page)

    for person, button in (
        (dcs, "Sign off as Director of Children's Services"),
        (chief, "Sign off as chief executive"),
    ):
        other = new_page()
        sign_in(other, person.email, user=person)
        other.goto(f"/workforce/assignments/{assignment.pk}/")
        other.get_by_role("button", name=button).click()
        expect(other.get_by_text("Sign-off recorded")).to_be_visible()
        assert_accessible(other)

    page.reload()
    page.get_by_role("button", name="Start the assignment").click()
    expect(page.locator("#assignment-status")).to_have_text("Active")

    year, quarter = quarter_of(today)
    page.goto(f"/workforce/return/?year={year}&quarter={quarter}")
    assert_accessible(page)
    with page.expect_download() as download:
        page.locator("#return-csv").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert "SW998877" in text and "55.00" in text and "Social worker" in text
    assert str(dcs) in text and str(chief) in text
