"""The other vacancy screens in a real browser, with JavaScript off where it matters,
each checked by axe: job alerts, saved vacancies, anonymised shortlisting, reports."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from tests.browser.conftest import assert_accessible, sign_in
from vacancies.models import Application, JobAlert, VacancyPage

pytestmark = pytest.mark.django_db(transaction=True)
DOMAIN = "demo.southamptonway.example"


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo")


def test_a_visitor_sets_up_a_job_alert_without_javascript(browser, live_server, page, demo):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    nojs = context.new_page()
    try:
        nojs.goto("/vacancies/?role_family=social-workers")
        nojs.get_by_label("Your e-mail address").fill("watcher@example.com")
        nojs.get_by_label("Weekly").check()
        nojs.get_by_role("button", name="Create job alert").click()
        expect(nojs.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    finally:
        context.close()
    alert = JobAlert.objects.get(email="watcher@example.com")
    assert alert.description == "Social workers"
    link = re.search(r"http\S+/job-alerts/confirm/\S+", mail.outbox[-1].body).group(0)
    # axe needs JavaScript, so the confirmation pages are checked in a normal browser.
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    expect(page.get_by_role("heading", name="Job alert confirmed")).to_be_visible()
    assert_accessible(page)
    tampered = re.sub(r"^https?://[^/]+", "", link).rstrip("/") + "x/"
    page.goto(tampered)
    expect(page.get_by_role("heading", name="This link does not work")).to_be_visible()
    assert_accessible(page)


def test_a_candidate_saves_a_vacancy_and_follows_their_applications(page, demo):
    candidate = User.objects.get(email=f"candidate@{DOMAIN}")
    sign_in(page, candidate.email)
    vacancy = (
        VacancyPage.objects.live()
        .filter(closes_at__gt=timezone.now())
        .exclude(applications__candidate=candidate)
        .order_by("closes_at")
        .last()
    )
    page.goto(vacancy.url)
    page.get_by_role("button", name="Save this vacancy").click()
    expect(page.get_by_role("button", name="Remove from saved vacancies")).to_be_visible()
    page.goto("/saved-vacancies/")
    expect(page.get_by_role("link", name=vacancy.title)).to_be_visible()
    assert_accessible(page)
    page.goto("/applications/")
    expect(page.get_by_text("Invited to interview")).to_be_visible()
    assert_accessible(page)
    interview = Application.objects.get(candidate=candidate, status="interview")
    page.goto(f"/applications/{interview.pk}/")
    expect(page.get_by_role("heading", name="Book your interview")).to_be_visible()
    assert_accessible(page)
    page.locator("input[name=slot]").first.check()
    page.get_by_role("button", name="Book this time").click()
    expect(page.get_by_role("link", name=re.compile("Add it to your calendar"))).to_be_visible()
    page.goto("/accounts/me/")
    expect(page.get_by_role("link", name="Your applications")).to_be_visible()


def test_a_hiring_manager_shortlists_anonymously(page, demo):
    manager = User.objects.get(email=f"hiring@{DOMAIN}")
    sign_in(page, manager.email, user=manager)
    page.goto("/recruitment/")
    assert_accessible(page)
    submitted = (
        Application.objects.filter(vacancy__hiring_manager=manager, status="submitted")
        .order_by("pk")
        .first()
    )
    page.goto(f"/recruitment/vacancies/{submitted.vacancy_id}/")
    expect(page.get_by_role("link", name=submitted.candidate_number)).to_be_visible()
    assert page.get_by_text(submitted.last_name).count() == 0
    assert_accessible(page)
    page.get_by_role("link", name=submitted.candidate_number).click()
    assert page.get_by_text(submitted.email).count() == 0
    assert_accessible(page)
    page.get_by_label("Shortlisted", exact=True).check()
    page.get_by_role("button", name="Move application").click()
    expect(page.get_by_text("Moved to “shortlisted”")).to_be_visible()


def test_a_recruiter_reads_the_reports(page, demo):
    recruiter = User.objects.get(email=f"recruiter@{DOMAIN}")
    sign_in(page, recruiter.email, user=recruiter)
    page.goto("/recruitment/reports/")
    expect(page.get_by_role("table", name="Conversion by stage")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel (XLSX)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
