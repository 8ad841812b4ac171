"""Done when (issue 11): Priya records supervision and a reflection; the assessor records an
observation and completes the three-month review; for the month-11 NQSW the assessor is
refused a recommendation until the last observation is recorded, then recommends a pass;
the panel sees the portfolio without the name and confirms; the NQSW sees "Passed" and
downloads the PDF. Every page is checked with axe."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from academy.factories import staff_user
from accounts.roles import Role
from portfolio import factories as f
from portfolio.models import Observation, Portfolio, Reflection, Review, SupervisionRecord
from tests.browser.conftest import assert_accessible, fill_date, sign_in
from tests.conftest import give_totp

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people(transactional_db):
    manager = staff_user(
        roles=(Role.STAFF_MEMBER, Role.LINE_MANAGER), first_name="Helen", last_name="Carter"
    )
    assessor = f.assessor_user(first_name="Nadia", last_name="Okoro")
    panel = staff_user(
        roles=(Role.STAFF_MEMBER, Role.MODERATION_PANEL), first_name="Margaret", last_name="Lowe"
    )
    coordinator = staff_user(
        roles=(Role.STAFF_MEMBER, Role.PROGRAMME_COORDINATOR), first_name="Owen", last_name="Hughes"
    )
    for user in (manager, assessor, panel, coordinator):
        give_totp(user)
    priya = f.nqsw_user(manager=manager, first_name="Priya", last_name="Shah")
    ben = f.nqsw_user(manager=manager, first_name="Ben", last_name="Walsh")
    priya_portfolio = f.agree(f.make_portfolio(weeks_in=14, nqsw=priya, assessor=assessor))
    ben_portfolio = f.ready_for_recommendation(
        f.make_portfolio(weeks_in=48, nqsw=ben, assessor=assessor), observations=2
    )
    return {
        "assessor": assessor,
        "panel": panel,
        "coordinator": coordinator,
        "manager": manager,
        "priya": priya_portfolio,
        "ben": ben_portfolio,
    }


def test_a_year_recorded_assessed_moderated_and_passed(page, new_page, people):
    priya, ben = people["priya"], people["ben"]
    today = timezone.localdate()

    # Priya records a supervision and a reflection.
    sign_in(page, priya.nqsw.email)
    page.goto("/portfolio/")
    expect(page.get_by_role("heading", name="Your early-career portfolio")).to_be_visible()
    expect(page.get_by_text("Due next")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Record a supervision").click()
    assert_accessible(page)
    fill_date(page, "Date of supervision", today)
    page.get_by_label("Supervised by").fill("Practice educator")
    page.get_by_label("What was discussed and agreed").fill(
        "A first child protection conference and how to prepare the family for it."
    )
    page.get_by_role("button", name="Save and sign").click()
    expect(page.get_by_text("Supervision saved.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Back to the portfolio").click()
    page.get_by_role("link", name="Write a reflection").click()
    page.get_by_label("Critical reflection log entry").check()
    fill_date(page, "Date", today)
    page.get_by_label("Title").fill("Holding worry at a conference")
    page.get_by_label("Your reflection").fill("I learnt to name the worry plainly to parents.")
    page.get_by_label("PCF 6 Critical Reflection and Analysis").check()
    page.get_by_role("button", name="Save and sign").click()
    expect(page.get_by_text("Reflection saved.")).to_be_visible()
    assert SupervisionRecord.objects.filter(portfolio=priya).count() == 1
    assert Reflection.objects.get(portfolio=priya).items.get().code == "PCF 6"

    # The assessor records an observation and signs the three-month review.
    assessor = new_page()
    sign_in(assessor, people["assessor"].email, user=people["assessor"])
    assessor.goto("/portfolio/")
    expect(assessor.get_by_role("heading", name="Portfolios you assess")).to_be_visible()
    assert_accessible(assessor)
    assessor.get_by_role("link", name="Priya Shah").click()
    assessor.get_by_role("link", name="Record a direct observation").click()
    assert_accessible(assessor)
    fill_date(assessor, "Date of the observation", today)
    assessor.get_by_label("Setting").fill("Home visit with a mother and her baby")
    assessor.get_by_label("What was observed").fill("Explained the plan and listened.")
    assessor.get_by_label("Analysis against the framework").fill("Warm and clear (PCF 7).")
    assessor.get_by_role("button", name="Save and sign").click()
    expect(assessor.get_by_text("Direct observation saved.")).to_be_visible()
    assessor.get_by_role("link", name="Back to the portfolio").click()
    assessor.get_by_role("link", name="Three-month review").click()
    assert_accessible(assessor)
    assessor.get_by_label("Making the progress expected").check()
    assessor.get_by_label("Summary of progress against the framework").fill(
        "Settled well; confident with families; court work next."
    )
    assessor.get_by_role("button", name="Sign the review").click()
    expect(assessor.get_by_text("The three-month review is signed.")).to_be_visible()
    assert_accessible(assessor)
    assert Review.objects.get(portfolio=priya).is_locked

    # Month 11: the recommendation is refused until the last observation is recorded.
    assessor.goto(f"/portfolio/{ben.pk}/recommendation/")
    expect(assessor.get_by_text("Direct observations: 3 needed, 2 recorded.")).to_be_visible()
    assert_accessible(assessor)
    assessor.get_by_label("Pass").check()
    assessor.get_by_label("The reasons for your recommendation").fill("Ready to practise.")
    assessor.get_by_role("button", name="Sign the recommendation").click()
    expect(assessor.get_by_text("some required evidence is missing")).to_be_visible()
    assert_accessible(assessor)
    assert Portfolio.objects.get(pk=ben.pk).status == Portfolio.Status.IN_PROGRESS
    assessor.goto(f"/portfolio/{ben.pk}/add/observation/")
    fill_date(assessor, "Date of the observation", today - datetime.timedelta(days=1))
    assessor.get_by_label("Setting").fill("Child in need review meeting")
    assessor.get_by_label("What was observed").fill("Chaired the review with the family.")
    assessor.get_by_label("Analysis against the framework").fill("Sound analysis (PCF 6).")
    assessor.get_by_role("button", name="Save and sign").click()
    expect(assessor.get_by_text("Direct observation saved.")).to_be_visible()
    assert Observation.objects.filter(portfolio=ben).count() == 3
    assessor.goto(f"/portfolio/{ben.pk}/recommendation/")
    assessor.get_by_label("Pass").check()
    assessor.get_by_label("The reasons for your recommendation").fill(
        "Ben Walsh has met every domain; strong analysis and relationships."
    )
    assessor.get_by_role("button", name="Sign the recommendation").click()
    expect(assessor.get_by_text("sent to the moderation panel")).to_be_visible()
    ben.refresh_from_db()
    assert ben.status == Portfolio.Status.AWAITING_PANEL

    # The panel sees the portfolio without the name and confirms the pass.
    panel = new_page()
    sign_in(panel, people["panel"].email, user=people["panel"])
    panel.goto("/portfolio/panel/")
    assert_accessible(panel)
    panel.get_by_role("link", name=ben.panel_reference).click()
    expect(panel.get_by_role("heading", name=f"Portfolio {ben.panel_reference}")).to_be_visible()
    body = panel.locator("main").inner_text()
    assert "Ben" not in body and "Walsh" not in body
    assert "[name removed] has met every domain" in body
    assert_accessible(panel)
    panel.get_by_label("Confirm the recommendation").check()
    panel.get_by_label("The panel's reasons").fill("Clear, consistent evidence across the year.")
    panel.get_by_role("button", name="Record the panel's decision").click()
    expect(panel.get_by_text("Confirmed: Pass")).to_be_visible()

    # Ben sees "Passed" and downloads his portfolio.
    nqsw = new_page()
    sign_in(nqsw, ben.nqsw.email)
    nqsw.goto("/portfolio/")
    expect(nqsw.get_by_role("heading", name="Passed")).to_be_visible()
    assert_accessible(nqsw)
    with nqsw.expect_download() as download:
        nqsw.get_by_role("link", name="Download your whole portfolio (PDF)").click()
    path = download.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(4) == b"%PDF"


def test_the_agreement_cohort_and_record_pages_are_accessible(page, new_page, people):
    priya = people["priya"]
    record = f.add_supervision(priya, timezone.localdate())
    coordinator = people["coordinator"]
    sign_in(page, coordinator.email, user=coordinator)
    page.goto("/portfolio/")
    assert_accessible(page)
    page.get_by_role("link", name="The whole cohort, by locality and team").click()
    expect(page.get_by_role("heading", name="The early-career cohort")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/portfolio/{priya.pk}/agreement/")
    expect(page.get_by_text("Agreed", exact=True)).to_be_visible()
    assert_accessible(page)

    nqsw = new_page()
    sign_in(nqsw, priya.nqsw.email)
    nqsw.goto(f"/portfolio/{priya.pk}/supervision/{record.pk}/")
    nqsw.get_by_role("button", name="Add the addendum").click()
    expect(nqsw.get_by_text("Enter the addendum.").first).to_be_visible()
    assert_accessible(nqsw)
    nqsw.get_by_label("Your addendum").fill("The visit was on the Tuesday.")
    nqsw.get_by_role("button", name="Add the addendum").click()
    expect(nqsw.get_by_text("Addendum added.")).to_be_visible()
    assert_accessible(nqsw)
    for kind in ("evidence", "feedback", "self-assessment", "reflection"):
        nqsw.goto(f"/portfolio/{priya.pk}/add/{kind}/")
        assert_accessible(nqsw)
    nqsw.goto(f"/portfolio/{priya.pk}/add/evidence/")
    nqsw.get_by_label("Title").fill("Court statement")
    nqsw.get_by_label("What it shows").fill("My analysis for a final hearing.")
    nqsw.get_by_label("Upload a document").set_input_files(
        files=[{"name": "statement.pdf", "mimeType": "application/pdf", "buffer": b"MZ not a pdf"}]
    )
    nqsw.get_by_role("button", name="Save and sign").click()
    expect(
        nqsw.get_by_text("must be a PDF, Word (DOCX) or OpenDocument (ODT) file").first
    ).to_be_visible()
    assert_accessible(nqsw)


def test_the_assessor_writes_the_agreement_and_the_nqsw_confirms_it(page, new_page, people):
    from portfolio.models import Agreement

    Agreement.objects.all().delete()
    priya = people["priya"]
    assessor = people["assessor"]
    sign_in(page, assessor.email, user=assessor)
    page.goto(f"/portfolio/{priya.pk}/agreement/")
    assert_accessible(page)
    page.get_by_role("button", name="Save the agreement").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Supervision arrangements").fill("Weekly for six weeks, then fortnightly.")
    page.get_by_label("Protected development time").fill("Wednesday mornings.")
    page.get_by_label("Protected caseload").fill("Up to 12 children.")
    page.get_by_role("button", name="Save the agreement").click()
    expect(page.get_by_text("Agreement saved.")).to_be_visible()
    page.get_by_role("button", name="Confirm the agreement").click()
    expect(page.get_by_text("You have confirmed the agreement.")).to_be_visible()
    assert_accessible(page)

    nqsw = new_page()
    sign_in(nqsw, priya.nqsw.email)
    nqsw.goto("/portfolio/")
    expect(nqsw.get_by_text("Cannot start yet").first).to_be_visible()
    nqsw.get_by_role("link", name="Support and assessment agreement").click()
    nqsw.get_by_role("button", name="Confirm the agreement").click()
    expect(nqsw.get_by_text("You have confirmed the agreement.")).to_be_visible()
    assert not Agreement.objects.get(portfolio=priya).is_agreed
