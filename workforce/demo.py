"""Demo agency register: three agencies, about forty assignments over eighteen months,
conversions to permanent posts, two above-cap assignments with both sign-offs, one
cooling-off exception. Idempotent: it does nothing if the register already has entries."""

import datetime
from decimal import Decimal

from accounts.factories import UserFactory
from accounts.models import EmploymentType, JobRole, StaffProfile, Team, User
from accounts.roles import Role

from .factories import AgencyFactory, AgencyWorkerFactory
from .models import (
    AgencyAssignment,
    ComplianceRule,
    DfeJobType,
    LeavingReason,
    PriceCap,
    WorkforceSettings,
)
from .services import end_employment, start_employment
from .services.agency import (
    end_assignment,
    record_compliance,
    register_assignment,
    sign_off,
    start_assignment,
)

# Demo figures only: an administrator enters DfE's published caps for the region.
DEMO_CAPS = {
    DfeJobType.SOCIAL_WORKER: Decimal("38.50"),
    DfeJobType.SENIOR_SOCIAL_WORKER: Decimal("41.00"),
    DfeJobType.ADVANCED_PRACTITIONER: Decimal("44.00"),
    DfeJobType.TEAM_MANAGER: Decimal("47.50"),
    DfeJobType.IRO_CP_CHAIR: Decimal("45.00"),
}
JOB_ROLE_FOR = {
    DfeJobType.SOCIAL_WORKER: "Social worker",
    DfeJobType.SENIOR_SOCIAL_WORKER: "Senior social worker",
    DfeJobType.ADVANCED_PRACTITIONER: "Advanced practitioner",
    DfeJobType.TEAM_MANAGER: "Team manager",
    DfeJobType.IRO_CP_CHAIR: "Senior social worker",
}
AGENCIES = ["Solent Social Care Recruitment", "Harbour Locum Partners", "Test Valley Staffing"]
TEAMS = [
    "Central Family Safeguarding Team",
    "East Family Safeguarding Team",
    "West Family Safeguarding Team",
    "Central Locality Team",
    "East Locality Team",
    "West Locality Team",
    "Jigsaw (disabled children's team)",
]
FIRST = ["Ayesha", "Ben", "Carla", "Dev", "Ellie", "Femi", "Gemma", "Harry", "Isla", "Jon"]
LAST = ["Walsh", "Kaur", "Doyle", "Mensah", "Hart", "Novak", "Reeves", "Ito"]
CONVERTED = {3, 9, 17, 24, 29}
ABOVE_CAP = {6, 31}
COOLING_OFF = 14
ASSIGNMENTS = 40


def seed(log):
    if AgencyAssignment.objects.exists():
        log("  agency register already has entries")
        return
    today = datetime.date.today()
    region = WorkforceSettings.load().region
    for job_type, cap in DEMO_CAPS.items():
        PriceCap.objects.get_or_create(
            region=region,
            job_type=job_type,
            effective_from=datetime.date(2024, 10, 1),
            defaults={"hourly_cap": cap},
        )
    agencies = [AgencyFactory(name=name) for name in AGENCIES]
    lead = User.objects.filter(email="workforce@demo.southamptonway.example").first()
    dcs = User.objects.filter(email="dcs@demo.southamptonway.example").first()
    chief = User.objects.filter(email="chief.executive@demo.southamptonway.example").first()
    teams = list(Team.objects.filter(name__in=TEAMS))
    roles = {name: JobRole.objects.get(name=name) for name in set(JOB_ROLE_FOR.values())}
    first_day = today - datetime.timedelta(days=540)
    job_types = list(DfeJobType.values)
    conversions = 0
    for n in range(ASSIGNMENTS):
        job_type = job_types[0] if n % 3 else job_types[n % 5]
        start = _weekday(first_day + datetime.timedelta(days=n * 12))
        end = _weekday(start + datetime.timedelta(days=120 + (n % 5) * 30))
        team = teams[n % len(teams)]
        user = UserFactory(
            email=f"agency.worker{n + 1}@demo.southamptonway.example",
            first_name=FIRST[n % len(FIRST)],
            last_name=LAST[(n * 3) % len(LAST)],
            roles=[Role.STAFF_MEMBER],
        )
        if n == COOLING_OFF:
            worker = StaffProfile.objects.create(
                user=user,
                employment_type=EmploymentType.PERMANENT,
                job_role=roles[JOB_ROLE_FOR[job_type]],
                team=team,
                start_date=start - datetime.timedelta(days=900),
                swe_registration_number=f"SW{310400 + n}",
            )
            start_employment(
                worker,
                employment_type=EmploymentType.AGENCY,
                job_role=worker.job_role,
                team=team,
                start=start - datetime.timedelta(days=7),
                reason=LeavingReason.REDUNDANCY,
                note="Post deleted in the restructure of the business support teams.",
            )
        else:
            worker = AgencyWorkerFactory(
                user=user,
                job_role=roles[JOB_ROLE_FOR[job_type]],
                team=team,
                start_date=start,
                swe_registration_number=f"SW{310400 + n}",
            )
        rate = DEMO_CAPS[job_type] + (Decimal("4.50") if n in ABOVE_CAP else Decimal("-1.75"))
        assignment = register_assignment(
            worker=worker,
            agency=agencies[n % len(agencies)],
            job_type=job_type,
            team=team,
            start_date=start,
            planned_end_date=end,
            notice_weeks=4,
            hourly_rate=rate,
            reason="Covering a vacancy while permanent recruitment runs"
            if n % 2
            else "Covering maternity leave",
            by=lead,
        )
        for rule in ComplianceRule.values:
            exception = n == COOLING_OFF and rule == ComplianceRule.COOLING_OFF
            record_compliance(
                assignment,
                rule=rule,
                met=not exception,
                evidence="Checked on the agency's compliance file and the employment history",
                exception_reason="Left the permanent post through redundancy, an exception "
                "the guidance allows."
                if exception
                else "",
                by=lead,
                checked_on=start - datetime.timedelta(days=10),
            )
        if n in ABOVE_CAP and dcs and chief:
            sign_off(assignment, by=dcs, as_role="dcs")
            sign_off(assignment, by=chief, as_role="chief_executive")
        assignment = start_assignment(assignment, by=lead)
        if end < today:
            end_assignment(assignment, end=end, by=lead)
            if n in CONVERTED:
                start_employment(
                    worker,
                    employment_type=EmploymentType.PERMANENT,
                    job_role=worker.job_role,
                    team=team,
                    start=end + datetime.timedelta(days=1),
                    reason=LeavingReason.CONVERSION,
                )
                conversions += 1
            else:
                end_employment(worker, end=end, reason=LeavingReason.END_OF_ASSIGNMENT)
    _own_assignment(agencies[0], lead, today)
    log(f"  {ASSIGNMENTS + 1} agency assignments, {conversions} conversions to permanent")


def _own_assignment(agency, lead, today):
    """The demo agency social worker's own current assignment."""
    profile = StaffProfile.objects.filter(user__email="agency.sw@demo.southamptonway.example")
    profile = profile.first()
    if profile is None:
        return
    assignment = register_assignment(
        worker=profile,
        agency=agency,
        job_type=DfeJobType.SOCIAL_WORKER,
        team=profile.team,
        start_date=max(profile.start_date, today - datetime.timedelta(days=60)),
        planned_end_date=today + datetime.timedelta(days=120),
        notice_weeks=4,
        hourly_rate=DEMO_CAPS[DfeJobType.SOCIAL_WORKER] - 2,
        reason="Covering a vacancy while permanent recruitment runs",
        by=lead,
    )
    for rule in ComplianceRule.values:
        record_compliance(
            assignment,
            rule=rule,
            met=True,
            evidence="Agency compliance file",
            by=lead,
            checked_on=assignment.start_date - datetime.timedelta(days=10),
        )
    start_assignment(assignment, by=lead)


def _weekday(day):
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day
