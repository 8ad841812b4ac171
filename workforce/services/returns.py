"""The quarterly return to DfE, and the figures the workforce dashboard reads."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Q

from accounts.models import EmploymentType

from ..models import AgencyAssignment, ComplianceRule, EmploymentSpell, LeavingReason

QUARTER_NAMES = {
    1: "January to March",
    2: "April to June",
    3: "July to September",
    4: "October to December",
}


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    first = datetime.date(year, 3 * quarter - 2, 1)
    last = month_end(datetime.date(year, 3 * quarter, 1))
    return first, last


def quarter_of(day: datetime.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def month_end(day: datetime.date) -> datetime.date:
    following = day.replace(day=28) + datetime.timedelta(days=4)
    return following - datetime.timedelta(days=following.day)


def months_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months, day = [], first.replace(day=1)
    while day <= last:
        months.append(day)
        day = month_end(day) + datetime.timedelta(days=1)
    return months


def weekdays(first: datetime.date, last: datetime.date) -> int:
    days = (last - first).days + 1
    if days <= 0:
        return 0
    weeks, extra = divmod(days, 7)
    count = weeks * 5
    for n in range(extra):
        if (first + datetime.timedelta(days=weeks * 7 + n)).weekday() < 5:
            count += 1
    return count


def assignments_active(first: datetime.date, last: datetime.date):
    """Assignments that started (so not merely planned) and ran on a day in [first, last]."""
    return (
        AgencyAssignment.objects.exclude(status=AgencyAssignment.Status.PLANNED)
        .filter(start_date__lte=last)
        .filter(Q(end_date__gte=first) | Q(end_date__isnull=True, planned_end_date__gte=first))
        .select_related("worker__user", "agency", "team", "project_team")
        .prefetch_related("compliance_checks")
        .order_by("start_date", "pk")
    )


def assignment_cost(assignment, first: datetime.date, last: datetime.date) -> Decimal:
    """Pay cost of the assignment's working days within [first, last]."""
    start = max(first, assignment.start_date)
    end = min(last, assignment.last_day)
    hours = Decimal(weekdays(start, end)) * assignment.hours_per_week / 5
    return (hours * assignment.hourly_rate).quantize(Decimal("0.01"))


RETURN_HEADER = [
    "Worker",
    "Agency",
    "DfE job type",
    "Team",
    "Hourly pay rate (£)",
    "Start date",
    "End date",
    "Social Work England registration number",
    "Project team",
    "Price cap (£)",
    "Above cap",
    "DCS sign-off",
    "Chief executive sign-off",
    *[label for _value, label in ComplianceRule.choices],
]


def _when(stamp):
    return f"{stamp:%-d %B %Y}" if stamp else ""


def _signed(user, stamp):
    return f"{user} on {stamp:%-d %B %Y}" if stamp else ""


def _rule_cell(checks, rule):
    check = checks.get(rule)
    if check is None:
        return "Not recorded"
    return "Met" if check.met else f"Exception: {check.exception_reason}"


def return_rows(first, last) -> list[list]:
    rows = []
    for a in assignments_active(first, last):
        checks = {c.rule: c for c in a.compliance_checks.all()}
        rows.append(
            [
                str(a.worker.user),
                a.agency.name,
                a.get_job_type_display(),
                a.team.name,
                a.hourly_rate,
                _when(a.start_date),
                _when(a.end_date or a.planned_end_date),
                a.worker.swe_registration_number,
                a.project_team.name if a.project_team else "No",
                a.cap_checked if a.cap_checked is not None else "",
                "Yes" if a.above_cap else "No",
                _signed(a.dcs_signed_by, a.dcs_signed_at),
                _signed(a.chief_executive_signed_by, a.chief_executive_signed_at),
                *[_rule_cell(checks, value) for value, _label in ComplianceRule.choices],
            ]
        )
    return rows


def return_summary(first, last) -> dict:
    assignments = list(assignments_active(first, last))
    compliance = []
    for value, label in ComplianceRule.choices:
        met = exceptions = missing = 0
        reasons = []
        for a in assignments:
            check = next((c for c in a.compliance_checks.all() if c.rule == value), None)
            if check is None:
                missing += 1
            elif check.met:
                met += 1
            else:
                exceptions += 1
                reasons.append(f"{a.worker.user}: {check.exception_reason}")
        compliance.append(
            {
                "rule": label,
                "met": met,
                "exceptions": exceptions,
                "missing": missing,
                "reasons": reasons,
            }
        )
    breaches = [a for a in assignments if a.above_cap]
    monthly = []
    for month in months_between(first, last):
        end = month_end(month)
        total = sum(
            (
                assignment_cost(a, month, end)
                for a in assignments
                if a.start_date <= end and a.last_day >= month
            ),
            Decimal("0.00"),
        )
        monthly.append({"month": month, "cost": total})
    agencies = sorted({a.agency for a in assignments if a.agency.conduct_note}, key=str)
    return {
        "count": len(assignments),
        "project_team_count": sum(1 for a in assignments if a.project_team_id),
        "compliance": compliance,
        "breaches": breaches,
        "monthly": monthly,
        "agencies": agencies,
    }


def summary_sections(first, last, summary):
    """The summary as spreadsheet sections, following the assignment rows."""
    compliance = [
        [row["rule"], row["met"], row["exceptions"], row["missing"], "; ".join(row["reasons"])]
        for row in summary["compliance"]
    ]
    breaches = [
        [
            str(a.worker.user),
            a.get_job_type_display(),
            a.hourly_rate,
            a.cap_checked,
            _signed(a.dcs_signed_by, a.dcs_signed_at),
            _signed(a.chief_executive_signed_by, a.chief_executive_signed_at),
        ]
        for a in summary["breaches"]
    ]
    costs = [[f"{row['month']:%B %Y}", row["cost"]] for row in summary["monthly"]]
    return [
        ("Compliance", ["Rule", "Met", "Exceptions", "Not recorded", "Explanations"], compliance),
        (
            "Cap breaches",
            [
                "Worker",
                "DfE job type",
                "Hourly pay rate (£)",
                "Price cap (£)",
                "DCS sign-off",
                "Chief executive sign-off",
            ],
            breaches,
        ),
        ("Monthly agency cost", ["Month", "Cost (£)"], costs),
        (
            "Agency conduct",
            ["Agency", "Conduct affecting compliance"],
            [[agency.name, agency.conduct_note] for agency in summary["agencies"]],
        ),
    ]


# --- Dashboard ---------------------------------------------------------------


def permanent_by_month(months: list[datetime.date], group_by: str | None = None) -> list[dict]:
    """Percent permanent (headcount and FTE) at each month's end, overall or per group."""
    field = {"team": "team__name", "job_role": "job_role__name"}.get(group_by)
    result = []
    for month in months:
        day = month_end(month)
        spells = EmploymentSpell.objects.active_on(day)
        values = ["employment_type", "fte"] + ([field] if field else [])
        groups = defaultdict(
            lambda: {"head": 0, "perm_head": 0, "fte": Decimal(0), "perm_fte": Decimal(0)}
        )
        for row in spells.values(*values):
            g = groups[row[field] if field else "All staff"]
            g["head"] += 1
            g["fte"] += row["fte"]
            if row["employment_type"] == EmploymentType.PERMANENT:
                g["perm_head"] += 1
                g["perm_fte"] += row["fte"]
        for name, g in sorted(groups.items()):
            result.append(
                {
                    "month": month,
                    "group": name,
                    "headcount": g["head"],
                    "percent_headcount": _percent(g["perm_head"], g["head"]),
                    "percent_fte": _percent(g["perm_fte"], g["fte"]),
                }
            )
    return result


def _percent(part, whole):
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))


def agency_spend_by_month(months: list[datetime.date]) -> list[dict]:
    rows = []
    for month in months:
        end = month_end(month)
        total = sum(
            (assignment_cost(a, month, end) for a in assignments_active(month, end)),
            Decimal("0.00"),
        )
        rows.append({"month": month, "cost": total})
    return rows


def conversions_by_quarter(first: datetime.date, last: datetime.date) -> list[dict]:
    """Agency spells ended by conversion to a permanent post, per calendar quarter."""
    spells = EmploymentSpell.objects.filter(
        employment_type=EmploymentType.AGENCY,
        leaving_reason=LeavingReason.CONVERSION,
        end_date__range=(first, last),
    )
    counts = defaultdict(int)
    for end in spells.values_list("end_date", flat=True):
        counts[quarter_of(end)] += 1
    rows = []
    year, quarter = quarter_of(first)
    while quarter_bounds(year, quarter)[0] <= last:
        rows.append(
            {"quarter": f"{QUARTER_NAMES[quarter]} {year}", "conversions": counts[(year, quarter)]}
        )
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return rows
