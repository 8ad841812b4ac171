"""After a decision not to approve: the Independent Review Mechanism route to a final decision."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from core.privacy import erase_account
from fostering.factories import FosteringCaseFactory, advance
from fostering.models import FosteringCase, FosteringRules, StageMove
from fostering.pipeline import JOURNEY, Stage, can_move
from fostering.services import PipelineError, move_case

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime.datetime(2026, 3, 2, 10, 0))
REASON = "The assessment did not show enough support around the household"


def at_agency_decision(worker, **kwargs):
    case = FosteringCaseFactory(enquired_at=START, **kwargs)
    for n, stage in enumerate(JOURNEY[1 : JOURNEY.index(Stage.AGENCY_DECISION) + 1], start=1):
        advance(case, stage, by=worker, now=START + datetime.timedelta(days=10 * n))
    return case


def test_the_table_offers_the_review_route_only_after_a_decision_not_to_approve():
    assert can_move(Stage.AGENCY_DECISION, Stage.NOT_APPROVED)
    assert can_move(Stage.NOT_APPROVED, Stage.IRM_REQUESTED)
    assert can_move(Stage.IRM_REQUESTED, Stage.IRM_RECOMMENDATION)
    assert can_move(Stage.IRM_RECOMMENDATION, Stage.FINAL_DECISION)
    # Applicants who write to the agency instead, or let the decision stand.
    assert can_move(Stage.NOT_APPROVED, Stage.FINAL_DECISION)
    assert can_move(Stage.FINAL_DECISION, Stage.APPROVED)
    assert can_move(Stage.FINAL_DECISION, Stage.REFUSED)
    assert not can_move(Stage.PANEL_RECOMMENDATION, Stage.NOT_APPROVED)
    assert not can_move(Stage.NOT_APPROVED, Stage.APPROVED)
    assert not can_move(Stage.IRM_REQUESTED, Stage.FINAL_DECISION)
    assert not can_move(Stage.REFUSED, Stage.IRM_REQUESTED)


def test_not_approving_needs_the_reason_and_keeps_the_case_open(make_user):
    worker = make_user("fostering team")
    case = at_agency_decision(worker)
    with pytest.raises(PipelineError, match="reason for not approving"):
        move_case(case, Stage.NOT_APPROVED, by=worker)
    case.refresh_from_db()
    assert case.stage == Stage.AGENCY_DECISION
    advance(case, Stage.NOT_APPROVED, by=worker, note=REASON)
    case.refresh_from_db()
    assert case.stage == Stage.NOT_APPROVED and not case.is_closed
    assert case.closed_at is None


def test_the_team_takes_a_case_through_review_to_approval_on_the_case_page(client_for):
    client = client_for("fostering team")
    case = at_agency_decision(client.user)
    url = reverse("fostering:case_move", args=[case.pk])
    FosteringCase.objects.filter(pk=case.pk).update(agency_decision="not_approve")
    page = client.post(url, {"to_stage": "not_approved", "note": ""}).content.decode()
    assert "reason for not approving" in page
    client.post(url, {"to_stage": "not_approved", "note": REASON})
    page = client.get(reverse("fostering:case_detail", args=[case.pk])).content.decode()
    assert "Not approved: open to review" in page
    assert REASON in page
    assert "Independent Review Mechanism" in page and "within 28 days" in page
    # The page offers only the moves the table allows from here.
    assert 'value="irm_requested"' in page and 'value="approved"' not in page

    for stage in ["irm_requested", "irm_recommendation", "final_decision", "approved"]:
        if stage == "approved":  # the decision maker's final decision, as recorded
            FosteringCase.objects.filter(pk=case.pk).update(agency_decision="approve")
        response = client.post(url, {"to_stage": stage, "note": ""})
        assert response.status_code == 302, stage
    case.refresh_from_db()
    assert case.stage == Stage.APPROVED and case.is_closed
    moves = list(StageMove.objects.filter(case=case).values_list("to_stage", "by"))
    assert moves[-5:] == [
        (s, client.user.pk)
        for s in ["not_approved", "irm_requested", "irm_recommendation", "final_decision"]
        + ["approved"]
    ]
    timeline = client.get(reverse("fostering:case_detail", args=[case.pk])).content.decode()
    assert "Independent review requested → Independent review recommendation" in timeline


def test_a_final_refusal_closes_the_case_with_its_reason(make_user):
    worker = make_user("fostering team")
    case = at_agency_decision(worker)
    advance(case, Stage.NOT_APPROVED, by=worker, note=REASON)
    move_case(case, Stage.FINAL_DECISION, by=worker, note="No review asked for in 28 days")
    with pytest.raises(PipelineError, match="final decision not to approve"):
        move_case(case, Stage.REFUSED, by=worker)
    move_case(case, Stage.REFUSED, by=worker, note="Decision confirmed")
    case.refresh_from_db()
    assert case.is_closed and case.closed_reason == "Decision confirmed"


def test_the_enquirer_reads_about_the_review_in_plain_words(client_for, make_user):
    client = client_for("foster enquirer")
    worker = make_user("fostering team")
    case = at_agency_decision(worker, user=client.user, email=client.user.email)
    rules = FosteringRules.load()
    rules.review_request_days = 30
    rules.save()
    advance(case, Stage.NOT_APPROVED, by=worker, note=REASON)
    page = client.get(reverse("fostering:my_case", args=[case.reference])).content.decode()
    assert "Not approved: open to review" in page
    assert "This is not yet final" in page and "Within 30 days" in page
    assert "Independent Review Mechanism" in page
    # The team's note is for the team; the applicants have the reasons in a letter.
    assert REASON not in page

    move_case(case, Stage.IRM_REQUESTED, by=worker)
    page = client.get(reverse("fostering:my_case", args=[case.reference])).content.decode()
    assert "You have asked the Independent Review Mechanism to look again" in page
    steps = page[page.index("The steps to becoming") :]
    assert steps.index("Agency decision") < steps.index("Not approved: open to review")
    assert steps.index("Independent review requested") < steps.index("Final agency decision")
    assert steps.index("Final agency decision") < steps.index("Approved")

    move_case(case, Stage.IRM_RECOMMENDATION, by=worker)
    move_case(case, Stage.FINAL_DECISION, by=worker)
    move_case(case, Stage.REFUSED, by=worker, note="Decision confirmed after review")
    page = client.get(reverse("fostering:my_case", args=[case.reference])).content.decode()
    assert "The final decision is that you are not approved" in page
    steps = page[page.index("The steps to becoming") :]
    assert "Not approved: final decision" in steps and "Approved<" not in steps


def test_the_reports_count_the_review_route(client_for, make_user):
    worker = make_user("fostering team")
    reviewed = at_agency_decision(worker)
    advance(reviewed, Stage.NOT_APPROVED, by=worker, note=REASON, now=START + 100 * DAY)
    move_case(reviewed, Stage.IRM_REQUESTED, by=worker, now=START + 120 * DAY)
    move_case(reviewed, Stage.IRM_RECOMMENDATION, by=worker, now=START + 180 * DAY)
    move_case(reviewed, Stage.FINAL_DECISION, by=worker, now=START + 186 * DAY)
    move_case(reviewed, Stage.REFUSED, by=worker, note="Upheld", now=START + 187 * DAY)
    approved = at_agency_decision(worker)
    advance(approved, Stage.APPROVED, by=worker, now=START + 101 * DAY)

    text = client_for("fostering team").get(reverse("fostering:reports")).content.decode()
    conversion = text[text.index("Conversion at each stage") : text.index("Median days")]
    assert "Not approved: open to review" in conversion
    assert "Independent review requested" in conversion
    assert "Not approved: final decision" in conversion
    medians = text[text.index("Median days") : text.index("Reasons for closing")]
    # Twenty days from the decision to asking for a review; 60 days of review.
    assert "20.0" in medians and "60.0" in medians
    reasons = text[text.index("Reasons for closing") :]
    assert "Upheld" in reasons

    csv = client_for("fostering team").get(reverse("fostering:report_export", args=["csv"]))
    assert "Independent review recommendation" in csv.content.decode()


def test_a_refused_applicant_deleting_their_account_leaves_the_decision_on_record(
    client_for, make_user
):
    client = client_for("foster enquirer", email="refused@example.com")
    worker = make_user("fostering team")
    case = at_agency_decision(worker, user=client.user, email="refused@example.com")
    advance(case, Stage.NOT_APPROVED, by=worker, note=REASON)
    move_case(case, Stage.FINAL_DECISION, by=worker)
    move_case(case, Stage.REFUSED, by=worker, note="Decision confirmed")
    data = json.loads(client.get(reverse("accounts:download_data")).content)
    history = [m["to"] for m in data["fostering"]["cases"][0]["stage_history"]]
    assert history[-3:] == [
        "Not approved: open to review",
        "Final agency decision",
        "Not approved: final decision",
    ]
    erase_account(client.user)
    case.refresh_from_db()
    assert case.user is None
    assert case.email == "refused@example.com" and case.closed_reason == "Decision confirmed"
    assert case.moves.get(to_stage=Stage.NOT_APPROVED).note == REASON


DAY = datetime.timedelta(days=1)
