"""Done when (issue 17): an enquirer is invited after the visit, invites a partner as joint
applicant, both complete their sections and declarations, the application is sent; the
team sees the Stage 1 checks created and the 8-month clock running; a referee completes
the online form; after the last check the 10-working-day clock appears. With axe on every
new page."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from accounts.factories import StaffProfileFactory, UserFactory
from core.tree import ensure_roots
from fostering import application_services as applying
from fostering.application_sections import BY_KEY
from fostering.factories import FosteringCaseFactory, walk_to
from fostering.models import Applicant, FosteringCase
from tests.browser.conftest import assert_accessible, fill_date, sign_in
from tests.conftest import give_totp

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = timezone.localdate()


@pytest.fixture
def visited(transactional_db):
    ensure_roots()
    worker = UserFactory(
        email="grace@example.com",
        first_name="Grace",
        last_name="Turner",
        roles=["fostering team", "staff member"],
    )
    StaffProfileFactory(user=worker)
    give_totp(worker)
    lead = UserFactory(
        email="amara@example.com", first_name="Amara", last_name="Nwosu", roles=["foster enquirer"]
    )
    partner = UserFactory(
        email="jo@example.com", first_name="Jo", last_name="Nwosu", roles=["foster enquirer"]
    )
    case = FosteringCaseFactory(
        user=lead, email=lead.email, first_name="Amara", last_name="Nwosu", assessing_worker=worker
    )
    walk_to(case, "initial_visit", by=worker)
    return worker, lead, partner, case


def _rest_of_own_sections(application, applicant, former_partner):
    """The sections this test does not type in (the pages are the same kind as those it does)."""
    applying.add_item(
        application,
        BY_KEY["employment"],
        applicant,
        {"employer": "Shirley Primary School", "job_title": "Teacher", "started": "2015-09-01"},
    )
    applying.finish_list(application, BY_KEY["employment"], applicant)
    applying.add_item(
        application,
        BY_KEY["former_partners"],
        applicant,
        {"name": former_partner, "contact": "", "when": "2005 to 2008", "children_together": "no"},
    )
    applying.finish_list(application, BY_KEY["former_partners"], applicant)
    applying.save_answers(
        application,
        BY_KEY["health"],
        applicant,
        {"gp_practice": "Shirley surgery", "conditions": "", "medical_consent": True},
    )
    applying.save_answers(
        application, BY_KEY["convictions"], applicant, {"has_record": "no", "details": ""}
    )


def _about_and_addresses(page, name):
    page.get_by_role("link", name="Your personal details").click()
    page.get_by_label("Full name").fill(name)
    page.get_by_label("Phone number").fill("07700 900456")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()  # no date of birth yet
    assert_accessible(page)
    fill_date(page, "Date of birth", datetime.date(1984, 3, 27))
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("“Your personal details” is complete")).to_be_visible()

    page.get_by_role("link", name="Your addresses for the last five years").click()
    page.get_by_label("Address", exact=True).fill("12 Hollybrook Road, Southampton")
    fill_date(page, "Date you moved in", TODAY - datetime.timedelta(days=3 * 365))
    page.get_by_role("button", name="Add this address").click()
    page.get_by_role("button", name="I have finished this section").click()
    # Only three years: the page says how far back to go, and keeps the address.
    expect(page.locator(".govuk-error-summary")).to_contain_text("must go back 5 years")
    expect(page.locator("dt").get_by_text("12 Hollybrook Road, Southampton")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Address", exact=True).fill("3 Portswood Road, Southampton")
    fill_date(page, "Date you moved in", TODAY - datetime.timedelta(days=9 * 365))
    fill_date(page, "Date you moved out", TODAY - datetime.timedelta(days=3 * 365))
    page.get_by_role("button", name="Add this address").click()
    page.get_by_role("button", name="I have finished this section").click()
    expect(page.get_by_text("is complete")).to_be_visible()


def _declaration(page):
    page.get_by_role("link", name="Your declaration").click()
    expect(page.get_by_role("heading", name="Check your answers and sign")).to_be_visible()
    assert_accessible(page)
    for box in page.locator("form input[type=checkbox]").all():
        box.check()
    page.get_by_role("button", name="Sign my declaration").click()
    expect(page.get_by_text("Your declaration is signed")).to_be_visible()


def test_a_household_applies_online_and_the_checks_and_clocks_follow(page, new_page, visited):
    worker, lead, partner, case = visited

    # 1. After the visit, the team invites the household to apply.
    sign_in(page, worker.email, user=worker)
    page.goto(f"/fostering-team/cases/{case.pk}/")
    page.get_by_role("button", name="Invite to apply online").click()
    expect(page.get_by_text("a link to apply online")).to_be_visible()
    assert_accessible(page)
    assert any("apply to foster" in m.subject for m in mail.outbox if m.to == [lead.email])

    # 2. The enquirer opens the application and invites their partner.
    amara = new_page()
    sign_in(amara, lead.email)
    amara.goto(f"/fostering-enquiry/my-case/{case.reference}/")
    amara.get_by_role("link", name="Go to your application").click()
    expect(amara.get_by_role("heading", name="Apply to foster")).to_be_visible()
    assert_accessible(amara)
    amara.get_by_role("link", name="Invite them to apply with you").click()
    amara.get_by_label("Their full name").fill("Jo Nwosu")
    amara.get_by_label("Their e-mail address").fill(lead.email)
    amara.get_by_role("button", name="Send the invitation").click()
    expect(amara.locator(".govuk-error-summary")).to_contain_text("own e-mail address")
    assert_accessible(amara)
    amara.get_by_label("Their e-mail address").fill(partner.email)
    amara.get_by_role("button", name="Send the invitation").click()
    expect(amara.locator("#applicants")).to_contain_text("not joined yet")

    # 3. The enquirer fills in sections (errors first), and names a relative as referee.
    _about_and_addresses(amara, "Amara Nwosu")
    amara.get_by_role("link", name="Personal referees").click()
    amara.get_by_label("Referee's full name").fill("Bea Nwosu")
    amara.get_by_label("Referee's e-mail address").fill("bea@example.com")
    amara.get_by_label("Referee's phone number").fill("07700 900111")
    amara.get_by_label("How they know you").fill("My aunt")
    amara.get_by_label("Years they have known you").fill("40")
    amara.get_by_role("group", name="Are they related to you?").get_by_label("Yes").check()
    amara.get_by_role("group", name="Do they live with you?").get_by_label("No").check()
    amara.get_by_role("button", name="Add this referee").click()
    expect(amara.locator(".govuk-error-summary")).to_contain_text("cannot be a relative")
    assert_accessible(amara)
    application = FosteringCase.objects.get(pk=case.pk).application
    lead_applicant = application.applicants.get(role=Applicant.Role.LEAD)
    for n, name in enumerate(["Priya Shah", "Tom Reed"]):
        applying.add_item(
            application,
            BY_KEY["referees"],
            lead_applicant,
            {
                "name": name,
                "email": f"referee{n}@example.com",
                "phone": "07700 900222",
                "how_known": "A friend for ten years",
                "years_known": 10,
                "is_relative": "no",
                "lives_with_you": "no",
            },
        )
    amara.reload()
    amara.get_by_role("button", name="I have finished this section").click()
    _rest_of_own_sections(application, lead_applicant, "Lee Former")
    for key, data in [
        ("home", {"bedrooms": 3, "sleeping": "Small room free", "pets": "", "smoking": "no"}),
        ("fostering", {"types": ["short_term"], "ages": ["5-10"], "how_many": "1"}),
    ]:
        applying.save_answers(application, BY_KEY[key], lead_applicant, data)
    for key in ("household", "children"):
        applying.finish_list(application, BY_KEY[key], lead_applicant, none=True)
    amara.goto(f"/fostering-enquiry/my-case/{case.reference}/apply/")
    _declaration(amara)
    amara.goto(f"/fostering-enquiry/my-case/{case.reference}/apply/")
    expect(amara.locator("#still-to-do")).to_contain_text("Jo Nwosu has not accepted")

    # 4. The partner joins through the e-mailed link and does their part.
    invitation = next(m for m in mail.outbox if m.to == [partner.email])
    link = re.search(r"https?://\S+(/fostering-apply/join/\S+/)", invitation.body).group(1)
    jo = new_page()
    sign_in(jo, partner.email)
    jo.goto(link)
    assert_accessible(jo)
    jo.get_by_role("button", name="Join the application").click()
    expect(jo.get_by_text("You have joined the application")).to_be_visible()
    _about_and_addresses(jo, "Jo Nwosu")
    joint = application.applicants.get(role=Applicant.Role.JOINT)
    _rest_of_own_sections(application, joint, "Kim Former")
    jo.goto(f"/fostering-enquiry/my-case/{case.reference}/apply/health/")
    expect(jo.get_by_label("Your GP practice")).to_have_value("Shirley surgery")
    jo.goto(f"/fostering-enquiry/my-case/{case.reference}/apply/")
    assert "Lee Former" not in jo.content()
    _declaration(jo)

    # 5. The enquirer sends it.
    amara.goto(f"/fostering-enquiry/my-case/{case.reference}/apply/")
    amara.get_by_role("button", name="Send application").click()
    expect(amara.get_by_role("heading", name="Application sent")).to_be_visible()
    assert_accessible(amara)
    amara.get_by_role("link", name="Follow your checks").click()
    expect(amara.locator("#check-progress")).to_contain_text("Personal references")
    assert "Priya Shah" not in amara.content()
    assert_accessible(amara)

    # 6. The team sees the checks and the 8-month clock.
    page.reload()
    expect(page.locator("#case-stage")).to_have_text("Application received")
    expect(page.get_by_text("Panel recommendation within 8 months")).to_be_visible()
    expect(page.locator("#application")).to_contain_text("Sent")
    checks = FosteringCase.objects.get(pk=case.pk).checks
    assert checks.filter(check_type="dbs").count() == 2
    assert checks.filter(check_type="reference").count() == 2
    assert_accessible(page)

    # 7. A referee answers online.
    request_mail = next(m for m in mail.outbox if m.to == ["referee0@example.com"])
    link = re.search(r"https?://\S+(/fostering-reference/\S+/)", request_mail.body).group(1)
    referee = new_page()
    referee.goto(link)
    expect(
        referee.get_by_role("heading", name="A reference for Amara Nwosu and Jo Nwosu")
    ).to_be_visible()
    assert_accessible(referee)
    referee.get_by_label("How long have you known them, and how?").fill("Ten years, neighbours")
    referee.get_by_label("Have you seen them with children?").fill("Often: kind and patient")
    referee.get_by_label("What would they bring").fill("Calm, warmth, a lot of patience")
    referee.get_by_role("group", name="any concerns").get_by_label("Yes").check()
    referee.get_by_role("group", name="investigation, warning").get_by_label("No").check()
    referee.get_by_role("group", name="Would you recommend").get_by_label("Yes").check()
    referee.get_by_label("What I have written is true").check()
    referee.get_by_role("button", name="Send the reference").click()
    expect(referee.locator(".govuk-error-summary")).to_contain_text("Tell us more")
    assert_accessible(referee)
    referee.get_by_role("group", name="any concerns").get_by_label("No").check()
    referee.get_by_role("button", name="Send the reference").click()
    expect(referee.get_by_role("heading", name="Reference sent")).to_be_visible()
    assert_accessible(referee)

    # 8. The last check comes back: the 10-working-day clock appears.
    last = checks.order_by("pk").last()
    checks.exclude(pk=last.pk).update(completed_on=TODAY, outcome="satisfactory")
    page.goto(f"/fostering-team/checks/{last.pk}/")
    fill_date(page, "Completed on", TODAY)
    page.get_by_label("Outcome").select_option("satisfactory")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("whether they can go on to Stage 2")).to_be_visible()
    assert_accessible(page)


def test_the_can_i_foster_check_encourages_and_is_accessible(page, transactional_db):
    ensure_roots()
    page.goto("/fostering-enquiry/")
    page.get_by_role("link", name="Answer three quick questions").click()
    assert_accessible(page)
    page.get_by_role("button", name="See what this means").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("group", name="21 or over").get_by_label("No", exact=True).check()
    page.get_by_role("group", name="spare bedroom").get_by_label("Yes", exact=True).check()
    page.get_by_role("group", name="cared for children").get_by_label("A little").check()
    page.get_by_role("button", name="See what this means").click()
    expect(page.get_by_text("Nothing here stops you enquiring")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Enquire about fostering").click()
    expect(page.get_by_role("heading", name="Enquire about fostering")).to_be_visible()
