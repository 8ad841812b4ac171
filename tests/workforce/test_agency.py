"""The agency register: caps, compliance, the two sign-offs in order, starting."""

import datetime
from decimal import Decimal

import pytest

from accounts.factories import StaffProfileFactory
from accounts.models import EmploymentType
from accounts.roles import Role
from workforce.errors import WorkforceError
from workforce.factories import AgencyFactory, AgencyWorkerFactory, PriceCapFactory
from workforce.models import AgencyAssignment, ComplianceRule, LeavingReason
from workforce.services import end_employment, start_employment
from workforce.services.agency import (
    change_rate,
    record_compliance,
    register_assignment,
    sign_off,
    start_assignment,
)

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def lead(make_user):
    return make_user(Role.WORKFORCE_LEAD)


def register(worker, lead, **overrides):
    fields = {
        "worker": worker,
        "agency": AgencyFactory(name="Solent Locums"),
        "job_type": "social_worker",
        "team": worker.team,
        "start_date": D(2025, 2, 3),
        "planned_end_date": D(2025, 8, 1),
        "notice_weeks": 4,
        "hourly_rate": "40.00",
        "reason": "Covering a vacancy while we recruit.",
        "by": lead,
    }
    return register_assignment(**(fields | overrides))


def record_all(assignment, lead):
    for rule in ComplianceRule.values:
        record_compliance(
            assignment,
            rule=rule,
            met=True,
            evidence="Seen on file",
            by=lead,
            checked_on=D(2025, 1, 20),
        )


def test_within_cap_assignment_starts_once_the_four_rules_are_recorded(lead):
    PriceCapFactory()
    assignment = register(AgencyWorkerFactory(), lead)
    assert not assignment.above_cap and assignment.cap_checked == Decimal("42.00")
    with pytest.raises(WorkforceError, match="Record these checks"):
        start_assignment(assignment, by=lead)
    record_all(assignment, lead)
    start_assignment(assignment, by=lead)
    assignment.refresh_from_db()
    assert assignment.status == AgencyAssignment.Status.ACTIVE


def test_above_cap_needs_the_dcs_then_the_chief_executive(lead, make_user):
    PriceCapFactory()
    dcs, chief, manager = (
        make_user(Role.DCS),
        make_user(Role.CHIEF_EXECUTIVE),
        make_user(Role.LINE_MANAGER),
    )
    assignment = register(AgencyWorkerFactory(), lead, hourly_rate="47.50")
    record_all(assignment, lead)
    assert assignment.above_cap
    with pytest.raises(WorkforceError, match="above the £42.00 price cap"):
        start_assignment(assignment, by=lead)
    with pytest.raises(WorkforceError, match="must sign off first"):
        sign_off(assignment, by=chief, as_role="chief_executive")
    with pytest.raises(WorkforceError, match="Only the Director"):
        sign_off(assignment, by=manager, as_role="dcs")
    with pytest.raises(WorkforceError, match="Only the chief executive"):
        sign_off(assignment, by=dcs, as_role="chief_executive")
    assignment.refresh_from_db()
    assert assignment.dcs_signed_at is None and assignment.chief_executive_signed_at is None
    sign_off(assignment, by=dcs, as_role="dcs")
    sign_off(assignment, by=chief, as_role="chief_executive")
    start_assignment(assignment, by=lead)
    assignment.refresh_from_db()
    assert assignment.status == AgencyAssignment.Status.ACTIVE
    assert (assignment.dcs_signed_by, assignment.chief_executive_signed_by) == (dcs, chief)


def test_a_rate_rise_above_the_cap_needs_sign_off_again(lead, make_user):
    PriceCapFactory()
    assignment = register(AgencyWorkerFactory(), lead, hourly_rate="45.00")
    sign_off(assignment, by=make_user(Role.DCS), as_role="dcs")
    sign_off(assignment, by=make_user(Role.CHIEF_EXECUTIVE), as_role="chief_executive")
    assignment = change_rate(assignment, hourly_rate="48.00", by=lead)
    assert assignment.above_cap and assignment.dcs_signed_at is None
    assignment = change_rate(assignment, hourly_rate="39.00", by=lead)
    assert not assignment.above_cap


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"hourly_rate": "-5"}, "more than £0"),
        ({"hourly_rate": "4000"}, "most the register accepts"),
        ({"hourly_rate": "forty"}, "in pounds"),
        ({"planned_end_date": D(2025, 1, 1)}, "planned end date"),
        ({"start_date": D(2024, 6, 3)}, "no agency employment spell"),
        ({"reason": "  "}, "reason for using an agency worker"),
    ],
)
def test_bad_assignments_are_refused_and_nothing_is_saved(lead, overrides, message):
    with pytest.raises(WorkforceError, match=message):
        register(AgencyWorkerFactory(), lead, **overrides)
    assert not AgencyAssignment.objects.exists()


def test_overlapping_assignments_for_one_worker_are_refused(lead):
    worker = AgencyWorkerFactory()
    register(worker, lead)
    with pytest.raises(WorkforceError, match="overlap another assignment"):
        register(worker, lead, start_date=D(2025, 6, 2), planned_end_date=D(2025, 12, 1))
    assert AgencyAssignment.objects.count() == 1


def test_cooling_off_is_checked_against_employment_history(lead):
    profile = StaffProfileFactory(
        employment_type=EmploymentType.PERMANENT, start_date=D(2022, 5, 3)
    )
    start_employment(
        profile,
        employment_type=EmploymentType.AGENCY,
        job_role=profile.job_role,
        team=profile.team,
        start=D(2025, 1, 6),
        reason=LeavingReason.RESIGNATION,
    )
    assignment = register(profile, lead, start_date=D(2025, 2, 3))
    with pytest.raises(WorkforceError, match="ended on 5 January 2025"):
        record_compliance(assignment, rule="cooling_off", met=True, evidence="History", by=lead)
    with pytest.raises(WorkforceError, match="reason"):
        record_compliance(assignment, rule="cooling_off", met=False, evidence="History", by=lead)
    assert not assignment.compliance_checks.exists()
    record_compliance(
        assignment,
        rule="cooling_off",
        met=False,
        evidence="Redundancy letter",
        by=lead,
        exception_reason="Left through redundancy, an allowed exception.",
    )
    check = assignment.compliance_checks.get()
    assert check.checked_by == lead and not check.met


def test_short_notice_and_late_reference_cannot_be_recorded_as_met(lead):
    assignment = register(AgencyWorkerFactory(), lead, notice_weeks=1)
    with pytest.raises(WorkforceError, match="less than the 4 weeks"):
        record_compliance(assignment, rule="notice", met=True, evidence="Contract", by=lead)
    with pytest.raises(WorkforceError, match="before the start"):
        record_compliance(
            assignment,
            rule="reference",
            met=True,
            evidence="Reference",
            by=lead,
            checked_on=D(2025, 3, 1),
        )


def test_a_leaver_then_agency_worker_outside_three_months_is_not_flagged(lead):
    profile = StaffProfileFactory(
        employment_type=EmploymentType.PERMANENT, start_date=D(2022, 5, 3)
    )
    end_employment(profile, end=D(2024, 9, 30), reason=LeavingReason.RESIGNATION)
    start_employment(
        profile,
        employment_type=EmploymentType.AGENCY,
        job_role=profile.job_role,
        team=profile.team,
        start=D(2025, 1, 6),
    )
    assignment = register(profile, lead, start_date=D(2025, 2, 3))
    record_compliance(assignment, rule="cooling_off", met=True, evidence="History", by=lead)
