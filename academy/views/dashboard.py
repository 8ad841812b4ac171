"""The L&D dashboard, and the same scoped to a line manager's teams."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render

from accounts.models import EmploymentType, StaffProfile
from core.spreadsheets import sections_response

from .. import dashboard as figures
from ..charts import bar_chart, line_chart
from ..models import ComplianceSnapshot


def _scope(user):
    """None for L&D (everyone); else the teams of a line manager's direct reports."""
    if not user.is_authenticated:
        return False
    if user.has_perm("academy.view_reports"):
        return None
    if user.has_perm("academy.approve_booking"):
        teams = set(
            StaffProfile.objects.filter(line_manager=user).values_list("team_id", flat=True)
        )
        own = getattr(user, "staff_profile", None)
        if own is not None:
            teams.add(own.team_id)
        return teams
    return False


def _fmt(value):
    return "–" if value is None else f"{value:g}%"


def _trend_section(team_ids):
    rows = figures.compliance_trend(team_ids)
    header = ["Month", "Staff", "Mandatory courses required", "In date", "Compliance (%)"]
    table = [[r["label"], r["people"], r["required"], r["in_date"], r["compliance"]] for r in rows]
    if rows:
        last = rows[-1]
        summary = f"Mandatory training compliance was {_fmt(last['compliance'])} in {last['label']}"
        if len(rows) > 1:
            first = rows[0]
            change = (last["compliance"] or 0) - (first["compliance"] or 0)
            direction = "up" if change > 0 else "down" if change < 0 else "unchanged"
            summary += (
                f", {direction} from {_fmt(first['compliance'])} in {first['label']}"
                if direction != "unchanged"
                else f", the same as in {first['label']}"
            )
        summary += "."
        chart = line_chart(
            "Mandatory training in date, by month",
            [r["short"] for r in rows],
            {"Compliance": [r["compliance"] for r in rows]},
        )
    else:
        summary, chart = "No monthly figures have been recorded yet.", None
    return {
        "key": "trend",
        "title": "Compliance month by month",
        "summary": summary,
        "chart": chart,
        "header": header,
        "rows": table,
    }


TYPE_LABELS = dict(EmploymentType.choices)


def _by_section(dimension, team_ids):
    rows = figures.compliance_by(dimension, team_ids)
    label = {"team": "Team", "locality": "Locality"}[dimension]
    types = [
        value for value, _ in EmploymentType.choices if any(r[value] is not None for r in rows)
    ]
    header = [label, "Staff", *[f"{TYPE_LABELS[t]} (%)" for t in types], "All staff (%)"]
    table = [[r["group"], r["people"], *[r[t] for t in types], r["all"]] for r in rows]
    summary = "No figures yet."
    chart = None
    if rows:
        lowest = min(
            (r for r in rows if r["all"] is not None), key=lambda r: r["all"], default=None
        )
        parts = []
        for kind in ("permanent", "agency"):
            values = [r[kind] for r in rows if r.get(kind) is not None]
            if values:
                parts.append(
                    f"{TYPE_LABELS[kind].lower()} staff range from {min(values):g}% to "
                    f"{max(values):g}%"
                )
        summary = f"By {label.lower()}: " + ("; ".join(parts) or "no mandatory training due")
        if lowest is not None:
            summary += f". Lowest overall: {lowest['group']} at {lowest['all']:g}%."
        chart = bar_chart(
            f"Compliance by {label.lower()}: permanent and agency staff side by side",
            [r["group"] for r in rows],
            {TYPE_LABELS[t]: [r[t] for r in rows] for t in ("permanent", "agency") if t in types},
            horizontal=True,
        )
    return {
        "key": dimension,
        "title": f"Compliance by {label.lower()}, permanent and agency side by side",
        "summary": summary,
        "chart": chart,
        "header": header,
        "rows": table,
    }


def _employment_section(team_ids):
    rows = figures.compliance_by("team", team_ids)
    totals = {}
    for value, label in EmploymentType.choices:
        values = [r[value] for r in rows if r[value] is not None]
        if values:
            totals[label] = round(sum(values) / len(values), 1)
    header = ["Employment type", "Average team compliance (%)"]
    table = [[label, value] for label, value in totals.items()]
    summary = (
        "; ".join(f"{label}: {value:g}%" for label, value in totals.items()) + "."
        if totals
        else "No figures yet."
    )
    chart = (
        bar_chart(
            "Compliance by employment type", list(totals), {"Compliance": list(totals.values())}
        )
        if totals
        else None
    )
    return {
        "key": "employment",
        "title": "Compliance by employment type",
        "summary": summary,
        "chart": chart,
        "header": header,
        "rows": table,
    }


def _bookings_section(team_ids):
    rows = figures.bookings_by_month(team_ids)
    header = [
        "Month",
        "Places",
        "Places taken",
        "Fill rate (%)",
        "Left on waiting lists",
        "No-shows",
        "No-show rate (%)",
    ]
    table = [
        [
            r["label"],
            r["places"],
            r["taken"],
            r["fill_rate"],
            r["waiting"],
            r["no_shows"],
            r["no_show_rate"],
        ]
        for r in rows
    ]
    taken = sum(r["taken"] for r in rows)
    places = sum(r["places"] or 0 for r in rows)
    waiting = sum(r["waiting"] for r in rows)
    no_shows = sum(r["no_shows"] for r in rows)
    summary = f"Over 12 months: {taken} places taken"
    if team_ids is None and places:
        summary += f" of {places} ({100 * taken / places:.0f}% full)"
    summary += f", {waiting} people left on waiting lists and {no_shows} no-shows."
    series = {"No-show rate": [r["no_show_rate"] for r in rows]}
    if team_ids is None:
        series = {"Fill rate": [r["fill_rate"] for r in rows], **series}
    chart = bar_chart("Fill rate and no-shows by month", [r["short"] for r in rows], series)
    return {
        "key": "bookings",
        "title": "Fill rate, waiting lists and no-shows by month",
        "summary": summary,
        "chart": chart,
        "header": header,
        "rows": table,
    }


def _checks_section(team_ids):
    rows = figures.check_results(team_ids)
    header = ["Module", "Attempts", "Passed", "People", "Pass rate (%)", "Attempts per person"]
    table = [
        [
            r["module"],
            r["attempts"],
            r["passed"],
            r["people"],
            r["pass_rate"],
            r["attempts_per_person"],
        ]
        for r in rows
    ]
    if rows:
        hardest = min(rows, key=lambda r: r["pass_rate"] or 0)
        summary = (
            f"{sum(r['attempts'] for r in rows)} attempts at {len(rows)} modules' checks. "
            f"Lowest pass rate: {hardest['module']} at {_fmt(hardest['pass_rate'])}."
        )
        chart = bar_chart(
            "Knowledge-check pass rate by module",
            [r["module"] for r in rows],
            {"Pass rate": [r["pass_rate"] for r in rows]},
            horizontal=True,
        )
    else:
        summary, chart = "Nobody has taken a knowledge check yet.", None
    return {
        "key": "checks",
        "title": "Knowledge checks: pass rates and attempts per module",
        "summary": summary,
        "chart": chart,
        "header": header,
        "rows": table,
    }


def _programmes_section(team_ids):
    rows = figures.programme_progress(team_ids)
    header = ["Programme", "Enrolled", "Completed", "In progress", "Completed (%)"]
    table = [
        [r["programme"], r["enrolled"], r["completed"], r["in_progress"], r["completion_rate"]]
        for r in rows
    ]
    summary = (
        "; ".join(f"{r['programme']}: {r['completed']} of {r['enrolled']} completed" for r in rows)
        + "."
        if rows
        else "Nobody is enrolled on a programme."
    )
    chart = (
        bar_chart(
            "Programme progress",
            [r["programme"] for r in rows],
            {
                "Completed": [r["completed"] for r in rows],
                "In progress": [r["in_progress"] for r in rows],
            },
            percent=False,
            horizontal=True,
        )
        if rows
        else None
    )
    return {
        "key": "programmes",
        "title": "Programme progress",
        "summary": summary,
        "chart": chart,
        "header": header,
        "rows": table,
    }


SECTIONS = {
    "trend": _trend_section,
    "team": lambda t: _by_section("team", t),
    "locality": lambda t: _by_section("locality", t),
    "employment": _employment_section,
    "bookings": _bookings_section,
    "checks": _checks_section,
    "programmes": _programmes_section,
}


def dashboard(request):
    team_ids = _scope(request.user)
    if team_ids is False:
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    if not ComplianceSnapshot.objects.exists():
        figures.take_compliance_snapshot()
    fmt = request.GET.get("export")
    if fmt:
        key = request.GET.get("table", "")
        if key not in SECTIONS or fmt not in {"csv", "xlsx"}:
            raise Http404
        section = SECTIONS[key](team_ids)
        return sections_response(
            [(section["title"], section["header"], section["rows"])],
            fmt,
            f"academy-dashboard-{key}",
        )
    sections = [build(team_ids) for build in SECTIONS.values()]
    return render(
        request,
        "academy/dashboard.html",
        {"sections": sections, "scoped": team_ids is not None},
    )
