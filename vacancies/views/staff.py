"""The recruitment team's screens: pipelines, anonymised shortlisting, moves, checks, hire."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.models import AccessLogEntry
from vacancies.forms.staff import CheckForm, HireForm, InterviewSlotForm, MoveForm
from vacancies.models import ApplicationStatus, PreEmploymentCheck
from vacancies.permissions import (
    acting_as,
    get_staff_application,
    may_see_interview_adjustments,
    must_anonymise,
    names_hidden,
    require_staff_reviewer,
    shortlisting_complete,
    staff_applications,
    staff_vacancies,
)
from vacancies.services import shortlisting
from vacancies.services.checks import record_check
from vacancies.services.hire import HireError, hire
from vacancies.services.interviews import InterviewError, offer_slot
from vacancies.services.shortlisting import ShortlistingError
from vacancies.services.transitions import (
    TransitionError,
    allowed_moves,
    ordinary_moves,
    transition,
)

from .applications import review_sections

S = ApplicationStatus


@login_required
def pipeline_index(request):
    require_staff_reviewer(request.user)
    vacancies = (
        staff_vacancies(request.user)
        .annotate(
            submitted=Count("applications", filter=~Q(applications__status=S.DRAFT)),
            to_review=Count("applications", filter=Q(applications__status=S.SUBMITTED)),
            in_progress=Count(
                "applications",
                filter=Q(
                    applications__status__in=[
                        S.SHORTLISTED,
                        S.INTERVIEW,
                        S.CONDITIONAL_OFFER,
                        S.CHECKS,
                        S.CLEARED,
                    ]
                ),
            ),
        )
        .select_related("team")
        .order_by("-closes_at")
    )
    return render(request, "vacancies/staff/index.html", {"vacancies": vacancies})


def _vacancy_for(user, vacancy_id):
    require_staff_reviewer(user)
    return get_object_or_404(staff_vacancies(user), pk=vacancy_id)


@login_required
def vacancy_pipeline(request, vacancy_id):
    vacancy = _vacancy_for(request.user, vacancy_id)
    applications = staff_applications(request.user).filter(vacancy=vacancy).order_by("pk")
    status = request.GET.get("status")
    if status in S.values:
        applications = applications.filter(status=status)
    # Shortlisters see candidate numbers, not names, until shortlisting is complete.
    anonymise = names_hidden(request.user, vacancy)
    return render(
        request,
        "vacancies/staff/pipeline.html",
        {
            "vacancy": vacancy,
            "applications": applications,
            "anonymise": anonymise,
            "shortlisting_complete": shortlisting_complete(vacancy),
            "statuses": [s for s in S if s != S.DRAFT],
            "current_status": status,
            "slot_form": InterviewSlotForm(),
            "slots": vacancy.interview_slots.select_related("application"),
        },
    )


@login_required
@require_POST
def complete_shortlisting(request, vacancy_id):
    vacancy = _vacancy_for(request.user, vacancy_id)
    try:
        shortlisting.complete_shortlisting(vacancy, by=request.user)
    except ShortlistingError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Shortlisting is complete: candidates' names are now shown.")
    return redirect("vacancies:staff_pipeline", vacancy_id=vacancy.pk)


@login_required
@require_POST
def add_slot(request, vacancy_id):
    vacancy = _vacancy_for(request.user, vacancy_id)
    form = InterviewSlotForm(request.POST)
    if form.is_valid():
        try:
            slot = offer_slot(vacancy, by=request.user, **form.cleaned_data)
        except InterviewError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"Interview slot added: {slot}.")
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect("vacancies:staff_pipeline", vacancy_id=vacancy.pk)


@login_required
def application_review(request, pk):
    application = get_staff_application(request.user, pk)
    anonymise = must_anonymise(request.user, application)
    AccessLogEntry.record(
        request.user, application, detail="anonymised" if anonymise else "full application"
    )
    moves = ordinary_moves(application, request.user)
    return render(
        request,
        "vacancies/staff/application.html",
        {
            "application": application,
            "vacancy": application.vacancy,
            "anonymise": anonymise,
            "sections": review_sections(
                application,
                anonymise=anonymise,
                show_adjustments=may_see_interview_adjustments(request.user, application),
            ),
            "history": application.status_changes.select_related("by"),
            "move_form": MoveForm(moves=moves) if moves else None,
            "can_hire": S.HIRED in allowed_moves(application, request.user),
            "checks": application.checks.all(),
            "slot": getattr(application, "interview_slot", None),
        },
    )


@login_required
def move(request, pk):
    application = get_staff_application(request.user, pk)
    if not acting_as(request.user, application):
        raise PermissionDenied
    moves = ordinary_moves(application, request.user)
    form = MoveForm(request.POST or None, moves=moves)
    if request.method == "POST":
        if form.is_valid():
            try:
                transition(
                    application,
                    form.cleaned_data["to_status"],
                    by=request.user,
                    note=form.cleaned_data["note"],
                )
            except TransitionError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, f"Moved to “{application.get_status_display().lower()}”.")
            return redirect("vacancies:staff_application", pk=application.pk)
        # A move the table forbids arrives as an invalid choice: say so plainly.
        wanted = request.POST.get("to_status", "")
        if wanted == S.HIRED and S.HIRED in allowed_moves(application, request.user):
            messages.error(
                request,
                "A hire needs the new starter's staff record: use “Hire and create staff "
                "record”, which asks for the start date.",
            )
        else:
            messages.error(
                request,
                "That move is not allowed from the application's current status"
                + (
                    f": the moves open to you are {', '.join(S(m).label.lower() for m in moves)}."
                    if moves
                    else "."
                ),
            )
    AccessLogEntry.record(request.user, application, detail="move form")
    return render(
        request,
        "vacancies/staff/move.html",
        {
            "application": application,
            "form": form,
            "anonymise": must_anonymise(request.user, application),
        },
    )


@login_required
def edit_check(request, pk, kind):
    application = get_staff_application(request.user, pk)
    if not request.user.has_perm("vacancies.change_preemploymentcheck"):
        raise PermissionDenied
    check = get_object_or_404(PreEmploymentCheck, application=application, kind=kind)
    form = CheckForm(
        request.POST or None,
        initial={"status": check.status, "checked_on": check.checked_on, "note": check.note},
    )
    if request.method == "POST" and form.is_valid():
        record_check(check, by=request.user, **form.cleaned_data)
        messages.success(request, f"{check.get_kind_display()}: {check.get_status_display()}.")
        return redirect("vacancies:staff_application", pk=application.pk)
    AccessLogEntry.record(request.user, application, detail=f"check {kind}")
    return render(
        request,
        "vacancies/staff/check.html",
        {"application": application, "check": check, "form": form},
    )


@login_required
def hire_view(request, pk):
    application = get_staff_application(request.user, pk)
    if S.HIRED not in allowed_moves(application, request.user):
        if application.status == S.HIRED:
            raise Http404("Already hired")
        raise PermissionDenied
    form = HireForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            profile = hire(
                application,
                by=request.user,
                start_date=form.cleaned_data["start_date"],
                note=form.cleaned_data["note"],
            )
        except (HireError, TransitionError) as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                f"{profile.user} is hired: their staff record starts on "
                f"{profile.start_date:%d %B %Y}.",
            )
        return redirect("vacancies:staff_application", pk=application.pk)
    AccessLogEntry.record(request.user, application, detail="hire form")
    return render(request, "vacancies/staff/hire.html", {"application": application, "form": form})
