"""Employment history: spells are added and ended, never overwritten; figures read them."""

import datetime
from decimal import Decimal

import pytest

from accounts.factories import JobRoleFactory, StaffProfileFactory, TeamFactory, UserFactory
from accounts.models import EmploymentType, StaffProfile
from workforce.errors import WorkforceError
from workforce.models import EmploymentSpell, LeavingReason
from workforce.queries import current_figures, totals
from workforce.services import employ, end_employment, start_employment

D = datetime.date
pytestmark = pytest.mark.django_db


def agency_worker(**kwargs):
    return StaffProfileFactory(
        employment_type=EmploymentType.AGENCY, start_date=D(2025, 3, 3), **kwargs
    )


def test_a_new_profile_gets_its_first_spell_from_its_fields():
    profile = agency_worker()
    (spell,) = profile.spells.all()
    assert spell.employment_type == EmploymentType.AGENCY
    assert spell.team == profile.team
    assert spell.start_date == D(2025, 3, 3)
    assert spell.end_date is None
    assert spell.fte == Decimal("1.00")


def test_a_conversion_keeps_the_agency_spell_and_the_profile_follows_the_new_one():
    profile = agency_worker()
    manager = UserFactory()
    team = TeamFactory(name="West Locality Team")
    start_employment(
        profile,
        employment_type=EmploymentType.PERMANENT,
        job_role=profile.job_role,
        team=team,
        line_manager=manager,
        fte="0.8",
        start=D(2026, 1, 5),
        reason=LeavingReason.CONVERSION,
    )
    agency, permanent = profile.spells.order_by("start_date")
    assert (agency.employment_type, agency.end_date) == (EmploymentType.AGENCY, D(2026, 1, 4))
    assert agency.leaving_reason == LeavingReason.CONVERSION
    assert permanent.employment_type == EmploymentType.PERMANENT
    assert permanent.end_date is None and permanent.fte == Decimal("0.80")
    profile = StaffProfile.objects.get(pk=profile.pk)
    assert profile.employment_type == EmploymentType.PERMANENT
    assert profile.team == team and profile.line_manager == manager
    assert profile.start_date == D(2026, 1, 5)


def test_employ_makes_a_newcomer_a_profile_with_one_spell():
    user = UserFactory()
    manager = UserFactory()
    profile = employ(
        user,
        employment_type=EmploymentType.PERMANENT,
        job_role=JobRoleFactory(),
        team=TeamFactory(),
        line_manager=manager,
        fte="0.5",
        start=D(2026, 2, 2),
        swe_registration_number="SW765432",
    )
    assert profile.line_manager == manager
    assert profile.swe_registration_number == "SW765432"
    assert [(s.fte, s.line_manager) for s in profile.spells.all()] == [(Decimal("0.50"), manager)]


def test_employ_an_existing_agency_worker_keeps_both_spells():
    profile = agency_worker()
    employ(
        profile.user,
        employment_type=EmploymentType.PERMANENT,
        job_role=profile.job_role,
        team=profile.team,
        start=D(2026, 4, 1),
    )
    types = list(profile.spells.order_by("start_date").values_list("employment_type", flat=True))
    assert types == [EmploymentType.AGENCY, EmploymentType.PERMANENT]


@pytest.mark.parametrize(
    ("start", "fte", "message"),
    [
        (D(2025, 3, 3), "1", "must start after the current one began"),
        (D(2024, 1, 1), "1", "must start after the current one began"),
        (D(2026, 1, 1), "0", "FTE"),
        (D(2026, 1, 1), "1.5", "FTE"),
        (D(2026, 1, 1), "lots", "FTE"),
    ],
)
def test_bad_spells_are_refused_and_change_nothing(start, fte, message):
    profile = agency_worker()
    with pytest.raises(WorkforceError, match=message):
        start_employment(
            profile,
            employment_type=EmploymentType.PERMANENT,
            job_role=profile.job_role,
            team=profile.team,
            fte=fte,
            start=start,
        )
    (spell,) = profile.spells.all()
    assert spell.end_date is None
    assert StaffProfile.objects.get(pk=profile.pk).employment_type == EmploymentType.AGENCY


def test_a_new_spell_cannot_overlap_an_earlier_ended_one():
    profile = agency_worker()
    end_employment(profile, end=D(2025, 9, 30), reason=LeavingReason.END_OF_ASSIGNMENT)
    EmploymentSpell.objects.filter(profile=profile).update(start_date=D(2025, 3, 3))
    # A second, later spell already recorded (e.g. imported): a new one may not cover it.
    EmploymentSpell.objects.create(
        profile=profile,
        employment_type=EmploymentType.AGENCY,
        job_role=profile.job_role,
        team=profile.team,
        start_date=D(2025, 11, 1),
        end_date=D(2025, 12, 31),
    )
    with pytest.raises(WorkforceError, match="overlap"):
        start_employment(
            profile,
            employment_type=EmploymentType.PERMANENT,
            job_role=profile.job_role,
            team=profile.team,
            start=D(2025, 12, 1),
        )
    assert profile.spells.count() == 2


def test_a_leaver_ends_the_spell_and_the_profile_with_a_reason():
    profile = agency_worker()
    with pytest.raises(WorkforceError, match="on or after|same as or after"):
        end_employment(profile, end=D(2025, 1, 1), reason=LeavingReason.RESIGNATION)
    end_employment(profile, end=D(2025, 12, 31), reason=LeavingReason.RESIGNATION)
    profile.refresh_from_db()
    assert profile.end_date == D(2025, 12, 31)
    assert profile.spells.get().leaving_reason == LeavingReason.RESIGNATION


def test_current_figures_count_headcount_and_fte_from_current_spells():
    team = TeamFactory(name="Central Locality Team")
    for _ in range(3):
        StaffProfileFactory(team=team, start_date=D(2024, 1, 1))
    converted = agency_worker(team=team)
    start_employment(
        converted,
        employment_type=EmploymentType.PERMANENT,
        job_role=converted.job_role,
        team=team,
        fte="0.6",
        start=D(2026, 1, 5),
        reason=LeavingReason.CONVERSION,
    )
    by_type = {row["group"]: row for row in current_figures("employment_type", D(2026, 2, 1))}
    assert by_type["Permanent"]["headcount"] == 4
    assert by_type["Permanent"]["fte"] == Decimal("3.60")
    assert "Agency (locum)" not in by_type
    earlier = {row["group"]: row for row in current_figures("employment_type", D(2025, 6, 1))}
    assert earlier["Agency (locum)"]["headcount"] == 1
    by_team = current_figures("team", D(2026, 2, 1))
    assert by_team == [{"group": "Central Locality Team", "headcount": 4, "fte": Decimal("3.60")}]
    assert totals(D(2026, 2, 1))["headcount"] == 4
