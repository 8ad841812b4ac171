"""Recruitment reports: applications per vacancy, conversion per stage, time to hire,
withdrawal reasons, and equality monitoring in aggregate. CSV and XLSX downloads."""

from collections import Counter

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import render

from core.spreadsheets import sections_response
from vacancies.models import ApplicationStatus, ApplicationStatusChange, EqualityMonitoring
from vacancies.models.applications import WithdrawalReason
from vacancies.permissions import staff_applications, staff_vacancies
from vacancies.services.transitions import FUNNEL

SMALL_NUMBER = 5  # counts below this are hidden so nobody can be singled out
S = ApplicationStatus


def _require(user):
    if not user.has_perm("vacancies.view_recruitment_reports"):
        raise PermissionDenied


def build_reports(user) -> dict:
    applications = staff_applications(user)
    per_vacancy = [
        [v.title, v.reference, v.submitted, v.hired, v.withdrawn]
        for v in staff_vacancies(user)
        .annotate(
            submitted=Count("applications", filter=~Q(applications__status=S.DRAFT)),
            hired=Count("applications", filter=Q(applications__status=S.HIRED)),
            withdrawn=Count("applications", filter=Q(applications__status=S.WITHDRAWN)),
        )
        .filter(submitted__gt=0)
        .order_by("title")
    ]
    # An application "reached" a stage if it was ever moved into it.
    reached = Counter(
        dict(
            ApplicationStatusChange.objects.filter(application__in=applications)
            .values_list("to_status")
            .annotate(n=Count("application", distinct=True))
        )
    )
    conversion = []
    previous = None
    for stage in FUNNEL:
        count = reached.get(stage, 0)
        rate = f"{count / previous:.0%}" if previous else "–"
        conversion.append([S(stage).label, count, rate])
        previous = count or None
    hires = ApplicationStatusChange.objects.filter(
        application__in=applications, to_status=S.HIRED
    ).select_related("application")
    days = sorted(
        (change.at - change.application.submitted_at).days
        for change in hires
        if change.application.submitted_at
    )
    time_to_hire = [
        ["Hires", len(days)],
        ["Average days from application to hire", round(sum(days) / len(days)) if days else "–"],
        ["Median days", days[len(days) // 2] if days else "–"],
    ]
    reasons = Counter(
        applications.filter(status=S.WITHDRAWN).values_list("withdrawal_reason", flat=True)
    )
    withdrawals = [
        [WithdrawalReason(r).label if r else "No reason given", n] for r, n in reasons.most_common()
    ]
    return {
        "per_vacancy": per_vacancy,
        "conversion": conversion,
        "time_to_hire": time_to_hire,
        "withdrawals": withdrawals,
        "equality": equality_report(staff_vacancies(user)),
    }


def suppress(count: int):
    return count if count >= SMALL_NUMBER else f"fewer than {SMALL_NUMBER}"


def equality_report(vacancies) -> list[list]:
    """Submitted equality answers in aggregate; small numbers are suppressed."""
    answers = EqualityMonitoring.objects.filter(
        vacancy__in=vacancies, draft_application__isnull=True
    )
    rows = []
    for name in ("age_band", "sex", "ethnicity", "disability"):
        field = EqualityMonitoring._meta.get_field(name)
        counts = dict(answers.values_list(name).annotate(n=Count("pk")))
        for value, label in field.choices:
            rows.append(
                [str(field.verbose_name).capitalize(), label, suppress(counts.get(value, 0))]
            )
    return rows


SHEETS = [
    (
        "per_vacancy",
        "Applications per vacancy",
        ["Vacancy", "Reference", "Applications", "Hired", "Withdrawn"],
    ),
    (
        "conversion",
        "Conversion by stage",
        ["Stage", "Applications reaching it", "From the stage before"],
    ),
    ("time_to_hire", "Time to hire", ["Measure", "Value"]),
    ("withdrawals", "Withdrawal reasons", ["Reason", "Applications"]),
    ("equality", "Equality monitoring", ["Question", "Answer", "Applicants"]),
]


@login_required
def reports(request):
    _require(request.user)
    data = build_reports(request.user)
    export = request.GET.get("format")
    tables = [(title, header, data[key]) for key, title, header in SHEETS]
    if export in {"csv", "xlsx"}:
        return sections_response(tables, export, "recruitment")
    return render(request, "vacancies/staff/reports.html", {"tables": tables})
