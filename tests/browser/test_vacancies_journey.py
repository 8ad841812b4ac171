"""Done-when journey: a new candidate finds a job by search and filter, applies with a CV,
and follows the status as a recruiter takes the application through checks to hired."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.models import User
from tests.browser.conftest import assert_accessible, fill_date, sign_in
from vacancies.factories import MINIMAL_PDF
from vacancies.models import Application

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "new.candidate@example.com"
PASSWORD = "Correct-Horse-Battery-9"


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo")


def sign_up(page):
    page.goto("/accounts/signup/")
    page.get_by_label("First name").fill("Rowan")
    page.get_by_label("Last name").fill("Hale")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Confirm password").fill(PASSWORD)
    page.get_by_label("Applying for jobs").check()
    page.get_by_role("button", name="Create account").click()
    message = next(m for m in mail.outbox if EMAIL in m.to)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", message.body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    page.get_by_role("button", name="Confirm").click()


def test_a_new_candidate_finds_applies_and_is_hired(page, new_page, demo, tmp_path):
    sign_up(page)

    # Find the job: full-text search plus a filter, both kept in the URL.
    page.goto("/vacancies/")
    assert_accessible(page)
    page.get_by_label("Search vacancies").fill("psychologist")
    page.get_by_label(re.compile(r"^Permanent")).check()
    page.get_by_role("main").get_by_role("button", name="Search").click()
    assert "q=psychologist" in page.url and "employment_type=permanent" in page.url
    results = page.locator(".portal-vacancy h3 a")
    assert results.count() >= 1
    assert all("psychologist" in t.lower() for t in results.all_inner_texts())
    assert_accessible(page)
    results.first.click()
    title = page.locator("h1").inner_text()
    assert_accessible(page)

    # Apply, step by step.
    page.get_by_role("button", name="Apply for this job").click()
    page.get_by_role("button", name="Start your application").click()
    page.get_by_label("Telephone number").fill("07700 900456")
    page.get_by_label("Postcode").fill("SO14 2AA")
    assert_accessible(page)
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("I am a British or Irish citizen").check()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("button", name="Save and continue").click()  # registration not needed
    page.get_by_label("Qualifications").fill("DEdPsych, University of Southampton, 2020")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("Employment history").fill("Educational psychologist, Hampshire, 2020 to now")
    page.get_by_label("Explanation of gaps in employment").fill("None")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("First referee's name (your most recent employer)").fill("Dee Manager")
    page.get_by_label("First referee's e-mail address").fill("dee@example.org")
    page.get_by_label("First referee's organisation").fill("Hampshire County Council")
    page.get_by_label("How they know you").first.fill("Line manager")
    page.get_by_label("Second referee's name").fill("Lou Tutor")
    page.get_by_label("Second referee's e-mail address").fill("lou@example.org")
    page.get_by_label("Second referee's organisation").fill("University of Southampton")
    page.get_by_label("How they know you").nth(1).fill("Doctoral supervisor")
    page.get_by_label("Tell me before you contact my referees").check()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("Supporting statement").fill("I bring psychology to families and schools.")
    page.get_by_role("button", name="Save and continue").click()
    cv = tmp_path / "rowan-hale-cv.pdf"
    cv.write_bytes(MINIMAL_PDF)
    page.get_by_label("Upload your CV").set_input_files(str(cv))
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("No", exact=True).check()
    page.get_by_label(re.compile("I confirm that the information")).check()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("button", name="Save and continue").click()  # no adjustments
    page.get_by_role("button", name="Save and continue").click()  # equality is optional
    expect(page.get_by_role("heading", name="Check your answers before you apply")).to_be_visible()
    expect(page.get_by_text("rowan-hale-cv.pdf")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Send application").click()
    assert page.locator("#application-status").inner_text() == "Submitted"
    assert_accessible(page)
    candidate = User.objects.get(email=EMAIL)
    application = Application.objects.get(candidate=candidate)
    assert application.vacancy.title == title

    # A recruiter moves it along, checks included, in another browser.
    recruiter = User.objects.get(email="recruiter@demo.southamptonway.example")
    staff = new_page()
    sign_in(staff, recruiter.email, user=recruiter)
    staff.goto(f"/recruitment/applications/{application.pk}/")
    expect(staff.get_by_role("heading", name="Rowan Hale")).to_be_visible()
    assert_accessible(staff)
    for label in [
        "Shortlisted",
        "Invited to interview",
        "Conditional offer",
        "Pre-employment checks",
    ]:
        staff.get_by_label(label, exact=True).check()
        with staff.expect_navigation():
            staff.get_by_role("button", name="Move application").click()
        page.reload()
        assert page.locator("#application-status").inner_text() == label
    for n in range(6):
        staff.get_by_role("link", name=re.compile("^Update")).nth(n).click()
        staff.get_by_label("Status").select_option("satisfactory")
        fill_date(staff, "Date checked", datetime.date(2026, 11, 2))
        with staff.expect_navigation():
            staff.get_by_role("button", name="Save check").click()
    staff.get_by_label("Cleared", exact=True).check()
    staff.get_by_role("button", name="Move application").click()
    staff.get_by_role("link", name="Hire and create staff record").click()
    fill_date(staff, "Start date", datetime.date(2027, 1, 4))
    staff.get_by_role("button", name="Confirm hire").click()
    expect(staff.get_by_text("is hired")).to_be_visible()

    page.reload()
    assert page.locator("#application-status").inner_text() == "Hired"
    subjects = [m.subject for m in mail.outbox if m.to == [EMAIL]]
    assert any("We have your application" in s for s in subjects)
    for status in [
        "invited to interview",
        "conditional offer",
        "pre-employment checks",
        "cleared",
        "hired",
    ]:
        assert any(s.endswith(status) for s in subjects), (status, subjects)
    assert candidate.has_role("staff member")
