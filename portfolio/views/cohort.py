"""The coordinator's view of the whole cohort, permanent and agency NQSWs alike, by
locality and team, with overdue items and a CSV or XLSX download."""

from collections import OrderedDict

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from core.models import AccessLogEntry
from core.spreadsheets import sections_response

from ..models import Portfolio
from ..permissions import is_coordinator
from ..services.progress import standing
from .common import signed_in


def _cohort_rows(today):
    portfolios = Portfolio.objects.select_related(
        "nqsw__staff_profile__team",
        "nqsw__staff_profile__locality",
        "assessor",
        "cohort__template",
    ).order_by(
        "nqsw__staff_profile__locality__name",
        "nqsw__staff_profile__team__name",
        "nqsw__last_name",
    )
    rows = []
    for portfolio in portfolios:
        profile = portfolio.profile
        state = standing(portfolio, today)
        rows.append(
            {
                "portfolio": portfolio,
                "locality": str(profile.locality)
                if profile and profile.locality
                else "No locality",
                "team": str(profile.team) if profile else "",
                "employment": profile.get_employment_type_display() if profile else "",
                "months": max(0, (today - portfolio.starts_on).days * 12 // 365),
                "state": state,
            }
        )
    return rows


def _require_coordinator(request):
    if not is_coordinator(request.user):
        raise Http404


@signed_in
def cohort(request):
    _require_coordinator(request)
    today = timezone.localdate()
    grouped = OrderedDict()
    rows = _cohort_rows(today)
    for row in rows:
        grouped.setdefault(row["locality"], OrderedDict()).setdefault(row["team"], []).append(row)
    return render(
        request,
        "portfolio/cohort.html",
        {
            "grouped": grouped,
            "total": len(rows),
            "overdue_count": sum(1 for row in rows if row["state"].overdue),
            "agency_count": sum(1 for row in rows if row["employment"].startswith("Agency")),
        },
    )


@signed_in
def cohort_export(request, fmt):
    _require_coordinator(request)
    if fmt not in ("csv", "xlsx"):
        raise PermissionDenied
    today = timezone.localdate()
    rows = _cohort_rows(today)
    for row in rows:
        AccessLogEntry.record(
            request.user, row["portfolio"], AccessLogEntry.Action.EXPORT, "Cohort export"
        )
    header = [
        "Name",
        "Locality",
        "Team",
        "Employment",
        "Programme",
        "Started",
        "Months in",
        "Assessor",
        "Status",
        "Next due",
        "Next due on",
        "Overdue items",
    ]
    data = [
        [
            row["portfolio"].nqsw.get_full_name(),
            row["locality"],
            row["team"],
            row["employment"],
            row["portfolio"].template.name,
            row["portfolio"].starts_on.strftime("%-d %B %Y"),
            row["months"],
            str(row["portfolio"].assessor or ""),
            row["portfolio"].get_status_display(),
            row["state"].next_due.what if row["state"].next_due else "",
            row["state"].next_due.on.strftime("%-d %B %Y") if row["state"].next_due else "",
            "; ".join(d.what for d in row["state"].overdue),
        ]
        for row in rows
    ]
    return sections_response([("Early-career cohort", header, data)], fmt, "early-career-cohort")
