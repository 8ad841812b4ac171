"""The candidate's side: apply step by step, review, submit, follow, withdraw."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.roles import Role
from core.models import AccessLogEntry
from core.privacy import identifying_fields
from vacancies.forms.staff import ChooseSlotForm, WithdrawForm
from vacancies.forms.steps import STEPS, STEPS_BY_SLUG, EqualityForm
from vacancies.ics import interview_calendar
from vacancies.models import Application, ApplicationStatus, EqualityMonitoring
from vacancies.permissions import (
    get_candidate_application,
    get_staff_application,
    is_staff_reviewer,
)
from vacancies.services.applications import (
    ApplicationError,
    mark_step_done,
    start_application,
    submit_application,
    withdraw_application,
)
from vacancies.services.interviews import InterviewError, book_slot, free_slots, needs_a_slot
from vacancies.services.transitions import TransitionError, allowed_moves, missing_steps

from .public import live_vacancy_or_404


def steps_for(vacancy):
    return [step for step in STEPS if step.applies_to(vacancy)]


def _next_step(application, current_slug=None):
    steps = steps_for(application.vacancy)
    slugs = [s.slug for s in steps]
    if current_slug in slugs:
        following = slugs[slugs.index(current_slug) + 1 :]
        return following[0] if following else None
    for slug in slugs:
        if slug not in application.steps_done:
            return slug
    return None


@login_required
def my_applications(request):
    applications = (
        Application.objects.filter(candidate=request.user)
        .select_related("vacancy")
        .order_by("-updated_at")
    )
    return render(request, "vacancies/applications/list.html", {"applications": applications})


@login_required
def start(request, vacancy_id):
    """Start (or resume) an application. GET shows what the journey involves."""
    vacancy = live_vacancy_or_404(vacancy_id)
    existing = Application.objects.filter(vacancy=vacancy, candidate=request.user).first()
    if existing:
        return redirect(_resume_url(existing))
    if request.method == "POST":
        try:
            application, _ = start_application(vacancy, request.user)
        except ApplicationError as error:
            messages.error(request, error.message)
            return redirect(vacancy.url)
        if not request.user.has_role(Role.CANDIDATE):
            from django.contrib.auth.models import Group

            request.user.groups.add(Group.objects.get(name=Role.CANDIDATE))
        return redirect("vacancies:step", pk=application.pk, step=STEPS[0].slug)
    return render(
        request,
        "vacancies/applications/start.html",
        {"vacancy": vacancy, "steps": steps_for(vacancy)},
    )


def _resume_url(application):
    if not application.is_draft:
        return reverse("vacancies:application", args=[application.pk])
    slug = _next_step(application)
    if slug is None:
        return reverse("vacancies:review", args=[application.pk])
    return reverse("vacancies:step", args=[application.pk, slug])


def _editable_draft(request, pk):
    application = get_candidate_application(request.user, pk)
    if not application.is_draft:
        messages.info(request, "This application has been submitted, so it can no longer change.")
        return application, redirect("vacancies:application", pk=application.pk)
    return application, None


@login_required
def step(request, pk, step):
    application, done = _editable_draft(request, pk)
    if done:
        return done
    form_class = STEPS_BY_SLUG.get(step)
    if form_class is None or not form_class.applies_to(application.vacancy):
        raise Http404("No such step")
    if form_class is EqualityForm:
        instance = EqualityMonitoring.objects.filter(draft_application=application).first()
        instance = instance or EqualityMonitoring(
            vacancy=application.vacancy, draft_application=application
        )
    else:
        instance = application
    form = form_class(
        request.POST or None, request.FILES or None, instance=instance, vacancy=application.vacancy
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            mark_step_done(application, step)
            application.save(update_fields=["steps_done", "updated_at"])
        if request.POST.get("action") == "save-and-exit":
            messages.success(request, "Your draft is saved. Come back to it at any time.")
            return redirect("vacancies:my_applications")
        if request.GET.get("from") == "review":
            return redirect("vacancies:review", pk=application.pk)
        following = _next_step(application, step)
        if following is None:
            return redirect("vacancies:review", pk=application.pk)
        return redirect("vacancies:step", pk=application.pk, step=following)
    steps = steps_for(application.vacancy)
    position = [s.slug for s in steps].index(step) + 1
    return render(
        request,
        "vacancies/applications/step.html",
        {
            "application": application,
            "vacancy": application.vacancy,
            "form": form,
            "step": form_class,
            "position": position,
            "total": len(steps),
            "steps": steps,
        },
    )


def review_sections(application, *, anonymise=False, include_equality=False, show_adjustments=True):
    """The answers grouped by step, as a candidate or reviewer reads them back.

    `anonymise` drops what names the candidate (each model's privacy declaration and the
    CV's file name); without `show_adjustments` the interview-adjustments answer, which can
    reveal a disability, is withheld (see permissions.may_see_interview_adjustments).
    """
    sections = []
    # What names the candidate, as vacancies/privacy.py declares it.
    hidden = identifying_fields(Application) if anonymise else frozenset()
    for form_class in steps_for(application.vacancy):
        if form_class is EqualityForm:
            if include_equality:
                answers = EqualityMonitoring.objects.filter(draft_application=application).first()
                rows = []
                if answers:
                    form = form_class(instance=answers)
                    rows = [
                        (
                            form.fields[n].label,
                            getattr(answers, f"get_{n}_display")() or "Not given",
                        )
                        for n in form.Meta.fields
                    ]
                sections.append((form_class, rows))
            continue
        form = form_class(instance=application, vacancy=application.vacancy)
        rows = []
        for name, field in form.fields.items():
            if name in hidden:
                continue
            if name == "cv_file":
                if anonymise:
                    value = "Uploaded" if application.cv else "Not uploaded"
                else:
                    value = application.cv_original_name or "Not uploaded"
                rows.append(("CV", value))
                continue
            if name == "interview_adjustments" and not show_adjustments:
                rows.append(
                    (
                        field.label,
                        "Shown to the people arranging interviews once this candidate is "
                        "shortlisted and shortlisting is complete",
                    )
                )
                continue
            value = getattr(application, name, "")
            display = getattr(application, f"get_{name}_display", None)
            if display and value:
                value = display()
            if isinstance(value, bool) or value is None:
                value = {True: "Yes", False: "No", None: "Not answered"}[value]
            rows.append((field.label, value or "Not given"))
        if rows:
            sections.append((form_class, rows))
    return sections


@login_required
def review(request, pk):
    application, done = _editable_draft(request, pk)
    if done:
        return done
    missing = missing_steps(application)
    if request.method == "POST":
        try:
            application, created = submit_application(
                application, token=request.POST.get("submission_token", "")
            )
        except ApplicationError as error:
            messages.error(request, error.message)
            if missing:
                return redirect("vacancies:step", pk=application.pk, step=missing[0].slug)
            return redirect("vacancies:review", pk=application.pk)
        if created:
            messages.success(request, "Your application has been sent.")
        return redirect("vacancies:application", pk=application.pk)
    return render(
        request,
        "vacancies/applications/review.html",
        {
            "application": application,
            "vacancy": application.vacancy,
            "sections": review_sections(application, include_equality=True),
            "missing": missing,
        },
    )


@login_required
def application_detail(request, pk):
    application = get_candidate_application(request.user, pk)
    if application.is_draft:
        return redirect(_resume_url(application))
    history = application.status_changes.all()
    slots = free_slots(application.vacancy) if needs_a_slot(application) else None
    return render(
        request,
        "vacancies/applications/detail.html",
        {
            "application": application,
            "vacancy": application.vacancy,
            "history": history,
            "can_withdraw": ApplicationStatus.WITHDRAWN in allowed_moves(application, request.user),
            "slot_form": ChooseSlotForm(slots=slots) if slots is not None and slots else None,
            "no_slots_yet": slots is not None and not slots,
        },
    )


@login_required
def withdraw(request, pk):
    application = get_candidate_application(request.user, pk)
    if ApplicationStatus.WITHDRAWN not in allowed_moves(application, request.user):
        # Said before the form, so nobody fills it in for nothing; the service decides.
        messages.error(request, "This application can no longer be withdrawn.")
        return redirect("vacancies:application", pk=application.pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            withdraw_application(
                application,
                user=request.user,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except TransitionError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Your application has been withdrawn.")
        return redirect("vacancies:application", pk=application.pk)
    return render(
        request, "vacancies/applications/withdraw.html", {"application": application, "form": form}
    )


@login_required
@require_POST
def choose_slot(request, pk):
    application = get_candidate_application(request.user, pk)
    try:
        slot = book_slot(application, request.POST.get("slot", ""), by=request.user)
    except InterviewError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Your interview is booked for {slot}.")
    return redirect("vacancies:application", pk=application.pk)


@login_required
def interview_ics(request, pk):
    application = get_candidate_application(request.user, pk)
    slot = getattr(application, "interview_slot", None)
    if slot is None:
        raise Http404("No interview booked")
    response = HttpResponse(interview_calendar(slot), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="interview.ics"'
    return response


@login_required
def cv_download(request, pk):
    """The CV, to its owner or to staff who may see the application, and to nobody else."""
    application = Application.objects.filter(pk=pk, candidate=request.user).first()
    if application is None:
        if not is_staff_reviewer(request.user):
            raise Http404("No such application")
        application = get_staff_application(request.user, pk)
        from vacancies.permissions import must_anonymise

        if must_anonymise(request.user, application):
            # A CV names the candidate: shortlisters read the anonymised answers instead.
            raise Http404("CV hidden until shortlisting is complete")
        AccessLogEntry.record(
            request.user, application, action=AccessLogEntry.Action.DOWNLOAD, detail="CV"
        )
    if not application.cv:
        raise Http404("No CV")
    extension = application.cv.name.rsplit(".", 1)[-1]
    content_types = {
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "odt": "application/vnd.oasis.opendocument.text",
    }
    response = FileResponse(
        application.cv.open("rb"),
        as_attachment=True,
        filename=f"cv-{application.pk}.{extension}",
        content_type=content_types.get(extension, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
