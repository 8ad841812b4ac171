"""The fostering team's screens: the clocks dashboard, a case with its timeline, moves,
household and checks, training registers and reports. Team and administrators only."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from core import references
from core.booking import BookingError, BookingStatus, with_places_taken
from core.models import AccessLogEntry
from core.spreadsheets import sections_response

from .. import application_services, queries
from ..application_sections import SECTIONS, readable_answers
from ..clocks import case_clocks
from ..forms import (
    AttendanceForm,
    CaseDetailsForm,
    CheckForm,
    HouseholdMemberForm,
    MoveForm,
    NoteForm,
    PreparationBookingForm,
    ReportPeriodForm,
)
from ..models import (
    FosteringApplication,
    FosteringCase,
    FosteringRules,
    InformationEvent,
    PreparationSession,
    Stage1Check,
)
from ..permissions import CHANGE_CASES, VIEW_CASES, cases_for
from ..pipeline import Stage, next_steps
from ..services import (
    OVERRIDE_GATE,
    PipelineError,
    add_household_member,
    add_note,
    book_preparation_place,
    check_updated,
    move_case,
    record_attendance,
)


def team_only(permission=VIEW_CASES, post_only=False):
    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                raise PermissionDenied
            if post_only and request.method != "POST":
                return HttpResponseNotAllowed(["POST"])
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def _case(request, pk):
    return get_object_or_404(cases_for(request.user), pk=pk)


DASHBOARD_VIEWS = {
    "all": "All open cases",
    "flagged": "At risk or overdue",
    "mine": "Assigned to me",
}


@team_only()
def dashboard(request):
    cases = cases_for(request.user)
    show = request.GET.get("show") if request.GET.get("show") in DASHBOARD_VIEWS else "all"
    listed = queries.open_cases_flagged_first(
        cases.filter(assessing_worker=request.user) if show == "mine" else cases
    )
    flagged_count = listed.filter(is_flagged=True).count()
    if show == "flagged":
        listed = listed.filter(is_flagged=True)
    page = Paginator(listed, 50).get_page(request.GET.get("page"))
    page.object_list = queries.with_clocks(page.object_list)
    now = timezone.now()
    return render(
        request,
        "fostering/team/dashboard.html",
        {
            "page": page,
            "show": show,
            "show_label": DASHBOARD_VIEWS[show],
            "views": DASHBOARD_VIEWS,
            "flagged_count": flagged_count,
            "stage_counts": queries.stage_counts(cases),
            "events": with_places_taken(
                InformationEvent.objects.filter(starts_at__gt=now, is_cancelled=False)
            ).order_by("starts_at")[:6],
            "sessions": with_places_taken(
                PreparationSession.objects.filter(starts_at__gt=now, is_cancelled=False)
            ).order_by("starts_at")[:6],
        },
    )


@team_only()
def case_detail(request, pk):
    case = _case(request, pk)
    AccessLogEntry.record(request.user, case)
    return _render_case(request, case)


def _render_case(request, case, *, move_form=None, note_form=None, training_form=None):
    case = (
        FosteringCase.objects.select_related("assessing_worker", "supervising_team", "user")
        .prefetch_related(
            "moves__by", "notes__author", "members", "checks__member", "checks__assigned_to"
        )
        .get(pk=case.pk)
    )
    timeline = sorted(
        [("move", m.at, m) for m in case.moves.all()]
        + [("note", n.at, n) for n in case.notes.all()],
        key=lambda item: item[1],
        reverse=True,
    )
    rules = FosteringRules.load()
    return render(
        request,
        "fostering/team/case_detail.html",
        {
            "case": case,
            "rules": rules,
            "clocks": case_clocks(case, rules=rules),
            "journey": case.journey(),
            "timeline": timeline,
            "checks": case.checks.all(),
            "training": case.training_bookings.select_related("session"),
            "next_steps": next_steps(case, timezone.localdate()),
            "move_form": move_form
            or MoveForm(case, can_override=request.user.has_perm(OVERRIDE_GATE)),
            "note_form": note_form or NoteForm(),
            "training_form": training_form or PreparationBookingForm(),
            "can_change": request.user.has_perm(CHANGE_CASES),
            "application": getattr(case, "application", None),
            "can_invite": case.stage == Stage.INITIAL_VISIT
            and getattr(case, "application", None) is None,
        },
    )


@team_only()
def case_application(request, pk):
    """The household's application as the team reads it: every applicant's answers, the
    private sections included, and each declaration with the consents' wording and dates."""
    case = _case(request, pk)
    application = get_object_or_404(FosteringApplication, case=case)
    AccessLogEntry.record(request.user, case, detail="Read the application to foster")
    people = []
    for applicant in application.applicants.all():
        own = [
            (section, readable_answers(section, _answers(application, section, applicant)))
            for section in SECTIONS
            if section.per_applicant
        ]
        people.append((applicant, own))
    household = [
        (section, readable_answers(section, _answers(application, section, None)))
        for section in SECTIONS
        if not section.per_applicant
    ]
    return render(
        request,
        "fostering/team/application.html",
        {"case": case, "application": application, "people": people, "household": household},
    )


def _answers(application, section, applicant):
    record = application.sections.filter(applicant=applicant, key=section.key).first()
    return record.data if record else {}


@team_only(CHANGE_CASES, post_only=True)
def case_invite(request, pk):
    case = _case(request, pk)
    try:
        application_services.invite_to_apply(case, by=request.user)
    except application_services.ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"We have e-mailed {case.email} a link to apply online.")
    return redirect("fostering:case_detail", pk=case.pk)


@team_only(CHANGE_CASES, post_only=True)
def case_move(request, pk):
    case = _case(request, pk)
    form = MoveForm(case, request.POST, can_override=request.user.has_perm(OVERRIDE_GATE))
    if form.is_valid():
        try:
            # A forged override reason from someone who may not override is never read.
            move_case(
                case,
                form.cleaned_data["to_stage"],
                by=request.user,
                note=form.cleaned_data["note"],
                override_reason=form.cleaned_data.get("override_reason", ""),
            )
        except PipelineError as error:
            form.add_error("to_stage", error.message)
        else:
            case.refresh_from_db()
            messages.success(request, f"{case.reference} moved to {case.get_stage_display()}.")
            return redirect("fostering:case_detail", pk=case.pk)
    return _render_case(request, case, move_form=form)


@team_only(CHANGE_CASES, post_only=True)
def case_note(request, pk):
    case = _case(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        add_note(case, form.cleaned_data["text"], author=request.user)
        messages.success(request, "Note added.")
        return redirect("fostering:case_detail", pk=case.pk)
    return _render_case(request, case, note_form=form)


@team_only(CHANGE_CASES)
def case_edit(request, pk):
    case = _case(request, pk)
    form = CaseDetailsForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Case details saved.")
        return redirect("fostering:case_detail", pk=case.pk)
    return render(
        request,
        "fostering/team/form_page.html",
        {"case": case, "form": form, "heading": "Assignment and key dates"},
    )


@team_only(CHANGE_CASES)
def member_add(request, pk):
    case = _case(request, pk)
    form = HouseholdMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        member = add_household_member(case, **form.cleaned_data)
        messages.success(request, f"{member.name} added, with the Stage 1 checks they need.")
        return redirect("fostering:case_detail", pk=case.pk)
    return render(
        request,
        "fostering/team/form_page.html",
        {"case": case, "form": form, "heading": "Add someone to the household"},
    )


@team_only(CHANGE_CASES)
def check_edit(request, pk):
    check = get_object_or_404(
        Stage1Check.objects.select_related("case", "member").filter(
            case__in=cases_for(request.user)
        ),
        pk=pk,
    )
    form = CheckForm(request.POST or None, instance=check)
    if request.method == "POST" and form.is_valid():
        form.save()
        check_updated(check)
        messages.success(request, f"{check} updated.")
        return redirect("fostering:case_detail", pk=check.case_id)
    return render(
        request,
        "fostering/team/form_page.html",
        {
            "case": check.case,
            "form": form,
            "heading": str(check),
            "reference_requests": references.requests_for(check),
        },
    )


@team_only(CHANGE_CASES, post_only=True)
def case_book_training(request, pk):
    case = _case(request, pk)
    form = PreparationBookingForm(request.POST)
    if form.is_valid():
        try:
            with transaction.atomic():
                booking = book_preparation_place(form.cleaned_data["session"], case)
        except BookingError as error:
            form.add_error("session", error.message)
        else:
            messages.success(
                request,
                f"{case.reference}: {booking.get_status_display().lower()} on {booking.session}.",
            )
            return redirect("fostering:case_detail", pk=case.pk)
    return _render_case(request, case, training_form=form)


@team_only()
def session_register(request, pk):
    session = get_object_or_404(PreparationSession, pk=pk)
    form = AttendanceForm(session, request.POST or None)
    status = 200
    if request.method == "POST":
        if not request.user.has_perm(CHANGE_CASES):
            raise PermissionDenied
        if form.is_valid():
            booking = form.cleaned_data["booking"]
            try:
                record_attendance(booking, form.cleaned_data["attended"], by=request.user)
            except BookingError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, f"Attendance recorded for {booking.case.full_name}.")
            return redirect("fostering:session_register", pk=session.pk)
        status = 400
    bookings = session.bookings.select_related("case").exclude(
        status__in=[BookingStatus.CANCELLED, BookingStatus.DECLINED, BookingStatus.EXPIRED]
    )
    return render(
        request,
        "fostering/team/session_register.html",
        {
            "session": session,
            "bookings": bookings,
            "places_left": session.places_left(),
            "form": form,
            "started": session.starts_at <= timezone.now(),
        },
        status=status,
    )


def _report_sections(cases):
    return [
        (
            "Enquiries by source and month",
            ["month", "source", "count"],
            queries.enquiries_by_source_and_month(cases),
        ),
        ("Conversion at each stage", ["stage", "reached", "percent"], queries.conversion(cases)),
        (
            "Median days between stages",
            ["from", "to", "cases", "median_days"],
            queries.median_days_between_stages(cases),
        ),
        (
            "Reasons for closing a case",
            ["outcome", "reason", "count"],
            queries.withdrawal_reasons(cases),
        ),
    ]


@team_only()
def reports(request):
    period = ReportPeriodForm(request.GET or None)
    return render(
        request,
        "fostering/team/reports.html",
        {
            "period": period,
            "query": request.GET.urlencode(),
            "sections": _report_sections(period.filter(cases_for(request.user))),
        },
    )


@team_only()
def report_export(request, fmt):
    period = ReportPeriodForm(request.GET or None)
    sections = _report_sections(period.filter(cases_for(request.user)))
    return sections_response(
        [
            (
                title,
                [c.replace("_", " ").capitalize() for c in columns],
                [[row[c] for c in columns] for row in rows],
            )
            for title, columns, rows in sections
        ],
        fmt,
        "fostering-report",
    )
