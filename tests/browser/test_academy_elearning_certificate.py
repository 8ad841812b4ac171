"""An NQSW fails a module's knowledge check, retakes it after the wait, passes, completes
the course, downloads the certificate and checks it; the L&D lead sees the compliance
trend and exports it. Every screen is checked by axe."""

import datetime
import re

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone
from playwright.sync_api import expect

from academy.dashboard import take_compliance_snapshot
from academy.factories import CoursePageFactory, ELearningModulePageFactory, staff_user
from academy.models import Certificate, CheckAttempt, CourseFormat, MandatoryRule
from accounts.factories import JobRoleFactory
from accounts.roles import Role
from tests.browser.academy_checks import take_check
from tests.browser.conftest import assert_accessible, sign_in
from tests.conftest import give_totp

pytestmark = pytest.mark.django_db(transaction=True)


def test_nqsw_fails_retakes_passes_and_verifies_the_certificate_then_ld_sees_the_trend(
    page, new_page
):
    nqsw_role = JobRoleFactory(name="Newly qualified social worker")
    course = CoursePageFactory(
        title="The Southampton Way practice framework (e-learning)",
        format=CourseFormat.E_LEARNING,
        renewal_months=36,
        cpd_hours=2,
    )
    course.mandatory_rules = [MandatoryRule(job_role=nqsw_role, due_within_days=90)]
    course.save_revision().publish()
    first = ELearningModulePageFactory(
        parent=course,
        title="Trauma-Informed Practice",
        reflection_prompt="Which behaviour that worried you might be a response to past harm?",
    )
    ELearningModulePageFactory(parent=course, title="Strengthening Families")
    nqsw = staff_user(
        email="new.sw@example.com",
        first_name="Alex",
        last_name="Morgan",
        profile={"job_role": nqsw_role, "is_nqsw_first_year": True},
    )
    today = timezone.localdate()
    take_compliance_snapshot(today - relativedelta(months=1))

    sign_in(page, nqsw.email)
    page.goto(first.url)
    expect(page.get_by_role("heading", name="Knowledge check")).to_be_visible()
    assert_accessible(page)

    # An empty submission gets GOV.UK error messages.
    page.get_by_role("button", name="Start the knowledge check").click()
    page.get_by_role("button", name="Submit your answers").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    page.goto(first.url)

    # A wrong answer: feedback, and a wait before trying again.
    take_check(page, right=False)
    expect(page.get_by_role("heading", name="You did not pass this time")).to_be_visible()
    expect(page.get_by_text("You can retake the check from")).to_be_visible()
    assert_accessible(page)
    page.goto(first.url)
    expect(page.get_by_role("button", name="Retake the knowledge check")).to_have_count(0)

    # A day later (the clock moved on for the test) the retake opens.
    attempt = CheckAttempt.objects.get(user=nqsw)
    CheckAttempt.objects.filter(pk=attempt.pk).update(
        submitted_at=attempt.submitted_at - datetime.timedelta(hours=25)
    )
    page.reload()
    take_check(page, reflection="A teenager's anger at a review meeting.")
    expect(page.get_by_role("heading", name="You passed")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Next module").click()
    take_check(page)
    expect(page.get_by_text(f"You have completed {course.title}")).to_be_visible()

    # The certificate: listed, downloadable, and valid when checked.
    certificates = page.get_by_role("table", name="Your training certificates")
    expect(certificates.get_by_role("cell", name=course.title, exact=True)).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        certificates.get_by_role("link", name=re.compile("Download PDF")).click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    certificate = Certificate.objects.get(user=nqsw)
    page.goto("/certificates/verify/")
    page.get_by_label("Check a training certificate").fill(certificate.display_code)
    page.get_by_role("button", name="Check the certificate").click()
    expect(page.get_by_role("heading", name="This certificate is valid")).to_be_visible()
    expect(page.get_by_text("A.M.", exact=True)).to_be_visible()
    expect(page.get_by_text("Morgan")).to_have_count(0)
    assert_accessible(page)

    # The L&D lead sees the trend with its table, and exports it.
    take_compliance_snapshot(today)
    lead = staff_user(email="ld.lead@example.com", roles=["staff member", Role.LD_LEAD])
    give_totp(lead)
    other = new_page()
    sign_in(other, lead.email, user=lead)
    other.goto("/training/dashboard/")
    trend = other.get_by_role("region", name="Compliance month by month")
    expect(
        trend.get_by_role("img", name=re.compile("Chart: Compliance month by month"))
    ).to_be_visible()
    table = trend.get_by_role("table", name="Compliance month by month: figures")
    expect(table.get_by_role("rowheader", name=f"{today:%B %Y}")).to_be_visible()
    expect(table.get_by_role("cell", name="100.0")).to_be_visible()
    assert_accessible(other)
    with other.expect_download() as download:
        trend.get_by_role("link", name=re.compile("^CSV")).click()
    with open(download.value.path(), encoding="utf-8") as exported:
        text = exported.read()
    assert f"{today:%B %Y},1,1,1,100.0" in text
