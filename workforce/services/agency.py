"""The agency register's actions: register an assignment, record compliance, check the cap,
sign off above the cap (the DCS, then the chief executive), start, end, change the rate.

Each refusal is a `WorkforceError` with a message for the person, raised before anything is
saved.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from accounts.models import EmploymentType

from ..errors import WorkforceError
from ..models import (
    AgencyAssignment,
    ComplianceCheck,
    ComplianceRule,
    DfeJobType,
    EmploymentSpell,
    PriceCap,
    WorkforceSettings,
)

# A permanent post, for the cooling-off rule.
SUBSTANTIVE_TYPES = (EmploymentType.PERMANENT,)


def clean_rate(value) -> Decimal:
    rules = WorkforceSettings.load()
    try:
        rate = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError) as exc:
        raise WorkforceError("Enter the hourly pay rate in pounds, for example 38.50.") from exc
    if rate <= 0:
        raise WorkforceError("The hourly pay rate must be more than £0.")
    if rate > rules.maximum_hourly_rate:
        raise WorkforceError(
            f"£{rate} an hour is more than £{rules.maximum_hourly_rate}, the most the register "
            "accepts. Check the rate: it should be the hourly pay rate, not a day or week rate."
        )
    return rate


def cap_for(job_type: str, on: datetime.date, region: str | None = None) -> PriceCap | None:
    region = region or WorkforceSettings.load().region
    return (
        PriceCap.objects.filter(region=region, job_type=job_type, effective_from__lte=on)
        .exclude(effective_to__lt=on)
        .order_by("-effective_from")
        .first()
    )


def _apply_cap(assignment: AgencyAssignment) -> None:
    cap = cap_for(assignment.job_type, assignment.start_date)
    assignment.cap_checked = cap.hourly_cap if cap else None
    assignment.above_cap = bool(cap and assignment.hourly_rate > cap.hourly_cap)


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months earlier (the month's last day if shorter)."""
    import calendar

    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def cooling_off_breach(worker, start: datetime.date) -> EmploymentSpell | None:
    """A permanent spell with the council that ended less than the cooling-off period
    (three months by default) before `start`, or None."""
    months = WorkforceSettings.load().cooling_off_months
    return (
        worker.spells.filter(
            employment_type__in=SUBSTANTIVE_TYPES,
            end_date__lt=start,
            end_date__gt=months_before(start, months),
        )
        .order_by("-end_date")
        .first()
    )


def register_assignment(
    *,
    worker,
    agency,
    job_type,
    team,
    start_date,
    planned_end_date,
    notice_weeks,
    hourly_rate,
    reason,
    by,
    permanent_notice_weeks=None,
    hours_per_week=Decimal("37.0"),
    project_team=None,
) -> AgencyAssignment:
    """Add a planned assignment to the register and check it against the price cap."""
    if job_type not in DfeJobType.values:
        raise WorkforceError("Choose one of DfE's five job types.")
    if planned_end_date < start_date:
        raise WorkforceError("The planned end date must be the same as or after the start date.")
    rate = clean_rate(hourly_rate)
    if not reason or not reason.strip():
        raise WorkforceError("Give the reason for using an agency worker.")
    if project_team is not None and project_team.agency_id != agency.pk:
        raise WorkforceError("The project team belongs to a different agency.")
    spell = (
        worker.spells.active_on(start_date)
        .filter(employment_type=EmploymentType.AGENCY)
        .order_by("-start_date")
        .first()
    )
    if spell is None:
        raise WorkforceError(
            f"{worker.user} has no agency employment spell covering {start_date:%-d %B %Y}. "
            "Record their agency spell in their employment history first."
        )
    clash = (
        worker.agency_assignments.exclude(status=AgencyAssignment.Status.ENDED)
        .filter(start_date__lte=planned_end_date, planned_end_date__gte=start_date)
        .first()
    )
    if clash is not None:
        raise WorkforceError(f"These dates overlap another assignment for this worker ({clash}).")
    assignment = AgencyAssignment(
        worker=worker,
        spell=spell,
        agency=agency,
        job_type=job_type,
        team=team,
        start_date=start_date,
        planned_end_date=planned_end_date,
        notice_weeks=notice_weeks,
        permanent_notice_weeks=permanent_notice_weeks,
        hourly_rate=rate,
        hours_per_week=hours_per_week,
        project_team=project_team,
        reason=reason.strip(),
        created_by=by,
    )
    _apply_cap(assignment)
    assignment.save()
    return assignment


def record_compliance(
    assignment, *, rule, met: bool, evidence: str, by, exception_reason="", checked_on=None
) -> ComplianceCheck:
    """Record one DfE rule as met, or as an allowed exception with its reason."""
    checked_on = checked_on or timezone.localdate()
    if rule not in ComplianceRule.values:
        raise WorkforceError("Choose which rule this check is for.")
    if not evidence or not evidence.strip():
        raise WorkforceError("Describe the evidence you checked.")
    if not met and not exception_reason.strip():
        raise WorkforceError("Give the reason this assignment is an allowed exception to the rule.")
    if rule == ComplianceRule.NOTICE and met:
        minimum = WorkforceSettings.load().minimum_notice_weeks
        if assignment.permanent_notice_weeks is not None:
            minimum = min(minimum, assignment.permanent_notice_weeks)
        if assignment.notice_weeks < minimum:
            raise WorkforceError(
                f"The notice period is {assignment.notice_weeks} weeks, less than the "
                f"{minimum} weeks the rule needs: record it as an exception with a reason."
            )
    if rule == ComplianceRule.REFERENCE and met and checked_on > assignment.start_date:
        raise WorkforceError(
            "The practice-based reference must be received before the start: this one was "
            "checked after it. Record it as an exception with a reason."
        )
    if rule == ComplianceRule.COOLING_OFF and met:
        spell = cooling_off_breach(assignment.worker, assignment.start_date)
        if spell is not None:
            raise WorkforceError(
                f"The employment history shows a permanent post here that ended on "
                f"{spell.end_date:%-d %B %Y}, less than the cooling-off period before this "
                "start. Record an allowed exception with its reason instead."
            )
    check, _ = ComplianceCheck.objects.update_or_create(
        assignment=assignment,
        rule=rule,
        defaults={
            "met": met,
            "evidence": evidence.strip(),
            "exception_reason": "" if met else exception_reason.strip(),
            "checked_by": by,
            "checked_on": checked_on,
        },
    )
    return check


def missing_compliance(assignment) -> list[str]:
    recorded = set(assignment.compliance_checks.values_list("rule", flat=True))
    return [label for value, label in ComplianceRule.choices if value not in recorded]


def sign_off(assignment, *, by, as_role: str) -> AgencyAssignment:
    """The DCS (first) or the chief executive (second) signs off an above-cap assignment."""
    with transaction.atomic():
        assignment = AgencyAssignment.objects.select_for_update().get(pk=assignment.pk)
        if not assignment.above_cap:
            raise WorkforceError("This assignment is within the price cap: no sign-off is needed.")
        now = timezone.now()
        if as_role == "dcs":
            if not by.has_perm("workforce.sign_off_as_dcs"):
                raise WorkforceError("Only the Director of Children's Services can sign this off.")
            if assignment.dcs_signed_at:
                raise WorkforceError("The Director of Children's Services has already signed off.")
            assignment.dcs_signed_by, assignment.dcs_signed_at = by, now
        elif as_role == "chief_executive":
            if not by.has_perm("workforce.sign_off_as_chief_executive"):
                raise WorkforceError("Only the chief executive can give the second sign-off.")
            if not assignment.dcs_signed_at:
                raise WorkforceError(
                    "The Director of Children's Services must sign off first, then the chief "
                    "executive."
                )
            if assignment.chief_executive_signed_at:
                raise WorkforceError("The chief executive has already signed off.")
            if assignment.dcs_signed_by_id == by.pk:
                raise WorkforceError("The two sign-offs must be given by two different people.")
            assignment.chief_executive_signed_by, assignment.chief_executive_signed_at = by, now
        else:
            raise WorkforceError("Choose whose sign-off this is.")
        assignment.save()
    return assignment


def start_assignment(assignment, *, by) -> AgencyAssignment:
    """Start a planned assignment: all four rules recorded, and both sign-offs if above cap."""
    with transaction.atomic():
        assignment = AgencyAssignment.objects.select_for_update().get(pk=assignment.pk)
        if assignment.status != AgencyAssignment.Status.PLANNED:
            raise WorkforceError("Only a planned assignment can be started.")
        missing = missing_compliance(assignment)
        if missing:
            raise WorkforceError(
                "Record these checks before the assignment starts: " + "; ".join(missing) + "."
            )
        breach = cooling_off_breach(assignment.worker, assignment.start_date)
        cooling = assignment.compliance_checks.get(rule=ComplianceRule.COOLING_OFF)
        if breach is not None and cooling.met:
            raise WorkforceError(
                "The worker left a permanent post here less than three months before the "
                "start: record the allowed exception and its reason first."
            )
        if assignment.above_cap and not assignment.fully_signed_off:
            raise WorkforceError(
                f"£{assignment.hourly_rate} an hour is above the £{assignment.cap_checked} "
                "price cap: it needs sign-off by the Director of Children's Services and then "
                "the chief executive before it can start."
            )
        assignment.status = AgencyAssignment.Status.ACTIVE
        assignment.started_by = by
        assignment.save(update_fields=["status", "started_by"])
    return assignment


def end_assignment(assignment, *, end: datetime.date, by=None) -> AgencyAssignment:
    if assignment.status != AgencyAssignment.Status.ACTIVE:
        raise WorkforceError("Only an active assignment can be ended.")
    if end < assignment.start_date:
        raise WorkforceError("The end date must be the same as or after the start date.")
    assignment.end_date = end
    assignment.status = AgencyAssignment.Status.ENDED
    assignment.save(update_fields=["end_date", "status"])
    return assignment


def change_rate(assignment, *, hourly_rate, by) -> AgencyAssignment:
    """A new hourly rate re-checks the cap; a rise above the cap needs both sign-offs again."""
    rate = clean_rate(hourly_rate)
    with transaction.atomic():
        assignment = AgencyAssignment.objects.select_for_update().get(pk=assignment.pk)
        rose = rate > assignment.hourly_rate
        assignment.hourly_rate = rate
        _apply_cap(assignment)
        if not assignment.above_cap or rose:
            assignment.dcs_signed_by = assignment.dcs_signed_at = None
            assignment.chief_executive_signed_by = assignment.chief_executive_signed_at = None
        assignment.save()
    return assignment
