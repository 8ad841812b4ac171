"""The pipeline: one table of allowed moves, one service that records each move."""

import pytest
from django.urls import reverse

from core.models import AccessLogEntry
from fostering.factories import FosteringCaseFactory, HouseholdMemberFactory, walk_to
from fostering.models import CheckType, HouseholdMember
from fostering.pipeline import ALLOWED_MOVES, CLOSED, JOURNEY, Stage, can_move
from fostering.services import PipelineError, add_household_member, move_case

pytestmark = pytest.mark.django_db


def test_the_table_walks_the_journey_and_allows_exits_from_every_open_stage():
    for earlier, later in zip(JOURNEY, JOURNEY[1:], strict=False):
        assert can_move(earlier, later)
    for stage in Stage:
        if stage in CLOSED:
            assert ALLOWED_MOVES[stage] == frozenset()
        else:
            assert can_move(stage, Stage.WITHDRAWN) and can_move(stage, Stage.NOT_PROGRESSED)
    assert not can_move(Stage.ENQUIRY, Stage.APPROVED)
    assert not can_move(Stage.STAGE_ONE, Stage.INITIAL_CALL)


def test_a_move_records_who_when_from_and_to(make_user):
    worker = make_user("fostering team")
    case = FosteringCaseFactory()
    move = move_case(case, Stage.INITIAL_CALL, by=worker, note="Spoke for 40 minutes")
    case.refresh_from_db()
    assert case.stage == Stage.INITIAL_CALL
    assert (move.from_stage, move.to_stage, move.by, move.note) == (
        Stage.ENQUIRY,
        Stage.INITIAL_CALL,
        worker,
        "Spoke for 40 minutes",
    )


def test_a_forbidden_move_is_refused_and_changes_nothing(make_user):
    case = FosteringCaseFactory()
    with pytest.raises(PipelineError, match="cannot move"):
        move_case(case, Stage.APPROVED, by=make_user("fostering team"))
    case.refresh_from_db()
    assert case.stage == Stage.ENQUIRY and not case.moves.exists()


def test_withdrawing_needs_a_reason_and_closes_the_case(make_user):
    worker = make_user("fostering team")
    case = FosteringCaseFactory()
    with pytest.raises(PipelineError, match="reason"):
        move_case(case, Stage.WITHDRAWN, by=worker)
    move_case(case, Stage.WITHDRAWN, by=worker, note="Family circumstances changed")
    case.refresh_from_db()
    assert case.is_closed and case.closed_reason == "Family circumstances changed"
    with pytest.raises(PipelineError):
        move_case(case, Stage.INITIAL_CALL, by=worker)


def test_receiving_the_application_starts_the_eight_month_clock(make_user):
    worker = make_user("fostering team")
    case = FosteringCaseFactory()
    walk_to(case, Stage.APPLICATION, by=worker)
    case.refresh_from_db()
    assert case.application_received_on is not None


def test_household_members_get_the_checks_they_need():
    case = FosteringCaseFactory()
    applicant = add_household_member(
        case, name="Amara Nwosu", relationship=HouseholdMember.Relationship.APPLICANT
    )
    adult_child = add_household_member(
        case, name="Zoe Nwosu", relationship=HouseholdMember.Relationship.ADULT_CHILD
    )
    child = add_household_member(
        case, name="Eli Nwosu", relationship=HouseholdMember.Relationship.CHILD, is_adult=False
    )
    applicant_checks = sorted(applicant.checks.values_list("check_type", flat=True))
    assert applicant_checks == sorted(
        [
            CheckType.DBS,
            CheckType.LOCAL_AUTHORITY,
            CheckType.MEDICAL,
            CheckType.REFERENCE,
            CheckType.REFERENCE,
            CheckType.EMPLOYER,
            CheckType.FORMER_PARTNER,
        ]
    )
    assert sorted(adult_child.checks.values_list("check_type", flat=True)) == sorted(
        [CheckType.DBS, CheckType.LOCAL_AUTHORITY]
    )
    assert not child.checks.exists()
    assert case.checks.filter(check_type=CheckType.HOME_SAFETY, member=None).count() == 1


def test_the_team_moves_a_case_through_the_page_and_the_view_is_logged(client_for):
    client = client_for("fostering team")
    case = FosteringCaseFactory()
    response = client.get(reverse("fostering:case_detail", args=[case.pk]))
    assert response.status_code == 200
    assert AccessLogEntry.objects.filter(actor=client.user, object_id=str(case.pk)).exists()
    response = client.post(
        reverse("fostering:case_move", args=[case.pk]),
        {"to_stage": "initial_call", "note": "Called back"},
        follow=True,
    )
    assert "moved to Initial call" in response.content.decode()
    case.refresh_from_db()
    assert case.stage == Stage.INITIAL_CALL


def test_a_forged_forbidden_move_shows_a_clear_message_and_keeps_the_note(client_for):
    client = client_for("fostering team")
    case = FosteringCaseFactory()
    response = client.post(
        reverse("fostering:case_move", args=[case.pk]),
        {"to_stage": "approved", "note": "Skipping ahead"},
    )
    text = response.content.decode()
    assert "cannot move to" in text
    assert "Skipping ahead" in text
    case.refresh_from_db()
    assert case.stage == Stage.ENQUIRY


def test_checks_are_recorded_with_dates_and_outcome(client_for):
    client = client_for("fostering team")
    member = HouseholdMemberFactory()
    add_household_member(member.case, name="Second applicant", relationship="partner")
    check = member.case.checks.filter(check_type=CheckType.DBS).first()
    response = client.post(
        reverse("fostering:check_edit", args=[check.pk]),
        {
            "detail": "",
            "requested_on": "2026-10-01",
            "completed_on": "2026-10-20",
            "outcome": "satisfactory",
            "notes": "",
        },
    )
    assert response.status_code == 302
    check.refresh_from_db()
    assert check.outcome == "satisfactory" and str(check.completed_on) == "2026-10-20"
    response = client.post(
        reverse("fostering:check_edit", args=[check.pk]),
        {"requested_on": "2026-10-20", "completed_on": "2026-10-01", "outcome": "satisfactory"},
    )
    assert "on or after the request" in response.content.decode()
