"""The workforce record's screens under /workforce/. Thin: a form, a service, a page."""

import datetime
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.models import StaffProfile
from core.spreadsheets import sections_response, table_response

from . import queries
from .errors import WorkforceError
from .forms import (
    AssignmentForm,
    ComplianceForm,
    QuarterForm,
    RateForm,
    RegisterFilterForm,
    RegistrationCheckForm,
)
from .models import AgencyAssignment, ComplianceRule, WorkforceSettings
from .permissions import sees_everything, visible_assignments, visible_spells
from .services import agency as agency_service
from .services import registration as registration_service
from .services import returns


def permission_needed(*perms):
    """Signed-in people holding any of `perms`; everyone else signed in gets 403."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not any(request.user.has_perm(perm) for perm in perms):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


MANAGE = "workforce.manage_agency_register"
READERS = ("workforce.view_agencyassignment", "workforce.view_employmentspell")
manage_required = permission_needed(MANAGE)
readers_required = permission_needed(*READERS)


def _export(request):
    fmt = request.GET.get("export")
    return fmt if fmt in {"csv", "xlsx"} else None


@readers_required
def home(request):
    today = timezone.localdate()
    return render(
        request,
        "workforce/home.html",
        {
            "manages": request.user.has_perm(MANAGE),
            "everything": sees_everything(request.user),
            "figures": queries.current_figures("employment_type", today)
            if sees_everything(request.user)
            else [],
            "totals": queries.totals(today),
            "today": today,
        },
    )


@readers_required
def history(request):
    spells = visible_spells(request.user).order_by("profile__user__last_name", "-start_date")
    header = [
        "Person",
        "Employment type",
        "Job role",
        "Team",
        "Line manager",
        "FTE",
        "Start",
        "End",
        "Reason for leaving",
    ]

    def rows():
        for s in spells:
            yield [
                str(s.profile.user),
                s.get_employment_type_display(),
                s.job_role.name,
                s.team.name,
                str(s.line_manager or ""),
                s.fte,
                s.start_date,
                s.end_date or "",
                s.get_leaving_reason_display(),
            ]

    if fmt := _export(request):
        return table_response(header, rows(), fmt, "employment-history", "Employment history")
    return render(request, "workforce/history.html", {"spells": spells[:500]})


# --- Social Work England registration ----------------------------------------


def _register_rows(form):
    profiles = registration_service.registered_social_workers()
    data = form.cleaned_data if form.is_valid() else {}
    if data.get("team"):
        profiles = profiles.filter(team=data["team"])
    if data.get("employment_type"):
        profiles = profiles.filter(employment_type=data["employment_type"])
    profiles = list(profiles.prefetch_related("registration_checks"))
    readiness = registration_service.cpd_readiness(profiles)
    wanted = data.get("cpd")
    rows = []
    for profile in profiles:
        progress = readiness[profile.pk]
        if wanted and progress["ready"] != (wanted == "ready"):
            continue
        checks = list(profile.registration_checks.all())
        rows.append(
            {"profile": profile, "progress": progress, "check": checks[0] if checks else None}
        )
    return rows


@manage_required
def registrations(request):
    form = RegisterFilterForm(request.GET or None)
    rows = _register_rows(form)
    if fmt := _export(request):
        header = [
            "Name",
            "Registration number",
            "Team",
            "Employment type",
            "CPD pieces",
            "Reflected with a peer",
            "CPD ready",
            "Last checked",
            "Checked by",
        ]
        table = [
            [
                str(r["profile"].user),
                r["profile"].swe_registration_number,
                r["profile"].team.name,
                r["profile"].get_employment_type_display(),
                r["progress"]["pieces"],
                r["progress"]["peer"],
                "Yes" if r["progress"]["ready"] else "No",
                r["check"].checked_on if r["check"] else "",
                str(r["check"].checked_by or "") if r["check"] else "",
            ]
            for r in rows
        ]
        return table_response(header, table, fmt, "swe-registrations", "Registrations")
    start, end, opens = registration_service.year_for(timezone.localdate())
    query = request.GET.copy()
    query.pop("export", None)
    return render(
        request,
        "workforce/registrations.html",
        {
            "form": form,
            "rows": rows,
            "year_start": start,
            "year_end": end,
            "renewal_opens": opens,
            "not_renewed": registration_service.renewal_not_recorded()
            if timezone.localdate() == start or timezone.localdate() < opens
            else None,
            "search_url": WorkforceSettings.load().register_search_url,
            "query": query.urlencode(),
        },
    )


@manage_required
def registration_check(request, pk):
    profile = get_object_or_404(StaffProfile.objects.select_related("user"), pk=pk)
    form = RegistrationCheckForm(
        request.POST or None,
        initial={
            "registration_number": profile.swe_registration_number,
            "checked_on": timezone.localdate(),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["registration_number"] != profile.swe_registration_number:
                registration_service.set_registration_number(profile, data["registration_number"])
            registration_service.record_check(
                profile,
                checked_on=data["checked_on"],
                outcome=data["outcome"],
                by=request.user,
                note=data["note"],
            )
        except WorkforceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"Registration check recorded for {profile.user}.")
            return redirect("workforce:registrations")
    return render(
        request,
        "workforce/registration_check.html",
        {
            "form": form,
            "profile": profile,
            "search_url": WorkforceSettings.load().register_search_url,
            "checks": profile.registration_checks.select_related("checked_by")[:10],
        },
    )


# --- Agency register ----------------------------------------------------------

ASSIGNMENT_HEADER = [
    "Worker",
    "Agency",
    "DfE job type",
    "Team",
    "Start",
    "Planned end",
    "End",
    "Hourly pay rate (£)",
    "Above cap",
    "Status",
]


@login_required
def assignments(request):
    visible = visible_assignments(request.user)
    if not (request.user.has_perm(READERS[0]) or visible.exists()):
        raise PermissionDenied
    if fmt := _export(request):
        rows = (
            [
                str(a.worker.user),
                a.agency.name,
                a.get_job_type_display(),
                a.team.name,
                a.start_date,
                a.planned_end_date,
                a.end_date or "",
                a.hourly_rate,
                "Yes" if a.above_cap else "No",
                a.get_status_display(),
            ]
            for a in visible
        )
        return table_response(
            ASSIGNMENT_HEADER, rows, fmt, "agency-assignments", "Agency assignments"
        )
    return render(
        request,
        "workforce/assignments.html",
        {"assignments": visible[:500], "manages": request.user.has_perm(MANAGE)},
    )


@manage_required
def assignment_new(request):
    form = AssignmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            assignment = agency_service.register_assignment(by=request.user, **form.cleaned_data)
        except WorkforceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Assignment added to the register.")
            return redirect("workforce:assignment", pk=assignment.pk)
    return render(request, "workforce/assignment_form.html", {"form": form})


def _assignment_for(request, pk):
    return get_object_or_404(visible_assignments(request.user), pk=pk)


@login_required
def assignment(request, pk):
    assignment = _assignment_for(request, pk)
    checks = {c.rule: c for c in assignment.compliance_checks.select_related("checked_by")}
    user = request.user
    return render(
        request,
        "workforce/assignment.html",
        {
            "assignment": assignment,
            "rules": [(value, label, checks.get(value)) for value, label in ComplianceRule.choices],
            "cooling_off": agency_service.cooling_off_breach(
                assignment.worker, assignment.start_date
            ),
            "manages": user.has_perm(MANAGE),
            "can_sign_dcs": assignment.above_cap
            and not assignment.dcs_signed_at
            and user.has_perm("workforce.sign_off_as_dcs"),
            "can_sign_chief": assignment.above_cap
            and assignment.dcs_signed_at
            and not assignment.chief_executive_signed_at
            and user.has_perm("workforce.sign_off_as_chief_executive"),
        },
    )


@manage_required
def assignment_compliance(request, pk):
    assignment = _assignment_for(request, pk)
    form = ComplianceForm(
        request.POST or None,
        initial={"checked_on": timezone.localdate(), "rule": request.GET.get("rule")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            agency_service.record_compliance(assignment, by=request.user, **form.cleaned_data)
        except WorkforceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Compliance check recorded.")
            return redirect("workforce:assignment", pk=assignment.pk)
    return render(
        request, "workforce/compliance_form.html", {"form": form, "assignment": assignment}
    )


@manage_required
def assignment_rate(request, pk):
    assignment = _assignment_for(request, pk)
    form = RateForm(request.POST or None, initial={"hourly_rate": assignment.hourly_rate})
    if request.method == "POST" and form.is_valid():
        try:
            assignment = agency_service.change_rate(
                assignment, hourly_rate=form.cleaned_data["hourly_rate"], by=request.user
            )
        except WorkforceError as error:
            form.add_error(None, error.message)
        else:
            if assignment.above_cap and not assignment.fully_signed_off:
                messages.warning(
                    request, "The new rate is above the price cap: it needs both sign-offs again."
                )
            else:
                messages.success(request, "Hourly rate changed.")
            return redirect("workforce:assignment", pk=assignment.pk)
    return render(request, "workforce/rate_form.html", {"form": form, "assignment": assignment})


@permission_needed("workforce.sign_off_as_dcs", "workforce.sign_off_as_chief_executive")
@require_POST
def assignment_sign_off(request, pk):
    assignment = _assignment_for(request, pk)
    try:
        agency_service.sign_off(assignment, by=request.user, as_role=request.POST.get("as_role"))
    except WorkforceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Sign-off recorded.")
    return redirect("workforce:assignment", pk=assignment.pk)


@manage_required
@require_POST
def assignment_start(request, pk):
    assignment = _assignment_for(request, pk)
    try:
        agency_service.start_assignment(assignment, by=request.user)
    except WorkforceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "The assignment has started.")
    return redirect("workforce:assignment", pk=assignment.pk)


@login_required
def my_assignment(request):
    mine = AgencyAssignment.objects.filter(worker__user=request.user).select_related(
        "agency", "team"
    )
    if not hasattr(request.user, "staff_profile"):
        raise PermissionDenied
    return render(request, "workforce/my_assignment.html", {"assignments": mine})


# --- Quarterly return and dashboard -------------------------------------------


@manage_required
def quarterly_return(request):
    today = timezone.localdate()
    year, quarter = returns.quarter_of(today)
    form = QuarterForm(request.GET or None, initial={"year": year, "quarter": quarter})
    if form.is_bound and form.is_valid():
        year, quarter = form.cleaned_data["year"], form.cleaned_data["quarter"]
    first, last = returns.quarter_bounds(year, quarter)
    rows = returns.return_rows(first, last)
    summary = returns.return_summary(first, last)
    if fmt := _export(request):
        sections = [
            ("Assignments", returns.RETURN_HEADER, rows),
            *returns.summary_sections(first, last, summary),
        ]
        return sections_response(sections, fmt, f"dfe-agency-return-{year}-q{quarter}")
    return render(
        request,
        "workforce/return.html",
        {
            "form": form,
            "rows": rows,
            "header": returns.RETURN_HEADER,
            "summary": summary,
            "first": first,
            "last": last,
            "year": year,
            "quarter": quarter,
        },
    )


@manage_required
def dashboard(request):
    today = timezone.localdate()
    first = (today.replace(day=1) - datetime.timedelta(days=500)).replace(day=1)
    months = returns.months_between(first, today)
    overall = returns.permanent_by_month(months)
    by_team = returns.permanent_by_month(months[-1:], "team")
    by_role = returns.permanent_by_month(months[-1:], "job_role")
    spend = returns.agency_spend_by_month(months)
    conversions = returns.conversions_by_quarter(first, today)
    if fmt := _export(request):
        sections = [
            (
                "Percent permanent",
                ["Month", "Headcount", "% permanent (headcount)", "% permanent (FTE)"],
                [
                    [
                        f"{r['month']:%B %Y}",
                        r["headcount"],
                        r["percent_headcount"],
                        r["percent_fte"],
                    ]
                    for r in overall
                ],
            ),
            (
                "By team",
                ["Team", "Headcount", "% permanent (headcount)", "% permanent (FTE)"],
                [
                    [r["group"], r["headcount"], r["percent_headcount"], r["percent_fte"]]
                    for r in by_team
                ],
            ),
            (
                "By job role",
                ["Job role", "Headcount", "% permanent (headcount)", "% permanent (FTE)"],
                [
                    [r["group"], r["headcount"], r["percent_headcount"], r["percent_fte"]]
                    for r in by_role
                ],
            ),
            (
                "Agency spend",
                ["Month", "Cost (£)"],
                [[f"{r['month']:%B %Y}", r["cost"]] for r in spend],
            ),
            (
                "Conversions",
                ["Quarter", "Agency workers made permanent"],
                [[r["quarter"], r["conversions"]] for r in conversions],
            ),
        ]
        return sections_response(sections, fmt, "workforce-dashboard")
    bars = [
        {
            "x": n * 10 + 1,
            "height": int(r["percent_headcount"] or 0),
            "y": 100 - int(r["percent_headcount"] or 0),
        }
        for n, r in enumerate(overall)
    ]
    latest = overall[-1] if overall else None
    peak = max(spend, key=lambda r: r["cost"]) if spend else None
    return render(
        request,
        "workforce/dashboard.html",
        {
            "overall": overall,
            "by_team": by_team,
            "by_role": by_role,
            "spend": spend,
            "conversions": conversions,
            "latest": latest,
            "peak": peak,
            "total_conversions": sum(r["conversions"] for r in conversions),
            "bars": bars,
            "chart_width": max(len(bars), 1) * 10,
        },
    )
