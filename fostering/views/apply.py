"""Applying to foster online: the task list, its sections, the joint applicant, each
applicant's declaration, sending the application; and the referee's online form.

Only the people applying open an application: the enquirer (their account linked to the
case) and a joint applicant who accepted the invitation. Anyone else gets a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.references import ReferenceLinkError

from .. import application_services as applying
from ..application_sections import (
    BY_KEY,
    SECTIONS,
    DeclarationForm,
    JointApplicantForm,
    readable_answers,
)
from ..forms import ReferenceForm
from ..models import Applicant, FosteringRules
from ..permissions import own_cases
from ..services import link_cases_for_user

STATUS_LABELS = {
    "completed": ("Completed", ""),
    "in_progress": ("In progress", "govuk-tag--light-blue"),
    "not_started": ("Not yet started", "govuk-tag--blue"),
}


def _applying(request, reference):
    """The case, its application and the signed-in applicant, or a 404."""
    link_cases_for_user(request.user)
    case = get_object_or_404(own_cases(request.user), reference=reference)
    applicant = applying.applicant_for(case, request.user)
    if applicant is None:
        raise Http404
    return case, applicant.application, applicant


def _tasks(application, applicant):
    """The task list rows this applicant sees: their own sections, the household's, and
    (without a link, and never their answers) the other applicant's progress."""
    rows = {"own": [], "household": [], "others": []}
    for section in SECTIONS:
        owner = applicant if section.per_applicant else None
        status = applying.section_status(application, section, owner)
        label, tag = STATUS_LABELS[status]
        row = {"section": section, "status": status, "label": label, "tag": tag}
        rows["own" if section.per_applicant else "household"].append(row)
    for other in application.applicants.exclude(pk=applicant.pk):
        missing = applying.unfinished(application, other) if other.has_joined else None
        rows["others"].append((other, missing))
    return rows


@login_required
def task_list(request, reference):
    case, application, applicant = _applying(request, reference)
    joint = application.applicants.filter(role=Applicant.Role.JOINT).first()
    return render(
        request,
        "fostering/apply/task_list.html",
        {
            "case": case,
            "application": application,
            "applicant": applicant,
            "tasks": _tasks(application, applicant),
            "joint": joint,
            "still_to_do": applying.still_to_do(application),
        },
    )


def _section_or_404(key):
    section = BY_KEY.get(key)
    if section is None:
        raise Http404
    return section


@login_required
def section(request, reference, key):
    case, application, applicant = _applying(request, reference)
    section = _section_or_404(key)
    if application.is_submitted:
        messages.info(request, "Your application has been sent, so it can no longer be changed.")
        return redirect("fostering:apply", reference=reference)
    record = applying.section_record(application, section, applicant)
    context = applying.section_context(application)
    problems = []
    if section.many:
        form = section.form(context=context)
        if request.method == "POST":
            action = request.POST.get("action")
            if action == "finish":
                problems = applying.finish_list(
                    application, section, applicant, none=request.POST.get("none") == "yes"
                )
                if not problems:
                    messages.success(request, f"“{section.title}” is complete.")
                    return redirect("fostering:apply", reference=reference)
            else:
                form = section.form(request.POST, context=context)
                if form.is_valid():
                    applying.add_item(application, section, applicant, form.as_data())
                    messages.success(request, "Added. Add another, or say you have finished.")
                    return redirect("fostering:apply_section", reference=reference, key=key)
            record.refresh_from_db()
    else:
        form = section.form(
            request.POST or None, initial=section.form.initial_from(record.data), context=context
        )
        if request.method == "POST" and form.is_valid():
            problems = applying.save_answers(application, section, applicant, form.as_data())
            if not problems:
                messages.success(request, f"“{section.title}” is complete.")
                return redirect("fostering:apply", reference=reference)
    items = [(i, section.summary(item)) for i, item in enumerate(record.data.get("items", []))]
    return render(
        request,
        "fostering/apply/section.html",
        {
            "case": case,
            "section": section,
            "form": form,
            "items": items,
            "none": record.data.get("none", False),
            "problems": problems,
        },
    )


@login_required
@require_POST
def remove_item(request, reference, key, index):
    case, application, applicant = _applying(request, reference)
    section = _section_or_404(key)
    try:
        applying.remove_item(application, section, applicant, index)
    except applying.ApplicationError as error:
        messages.error(request, error.message)
        return redirect("fostering:apply", reference=reference)
    messages.success(request, "Removed.")
    return redirect("fostering:apply_section", reference=reference, key=key)


@login_required
def joint_applicant(request, reference):
    case, application, applicant = _applying(request, reference)
    if applicant.role != Applicant.Role.LEAD:
        raise Http404
    joint = application.applicants.filter(role=Applicant.Role.JOINT).first()
    form = JointApplicantForm(request.POST or None)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "cancel":
                applying.cancel_joint_invitation(application)
                messages.success(request, "The invitation is cancelled. You are applying alone.")
                return redirect("fostering:apply", reference=reference)
            if form.is_valid():
                joint = applying.invite_joint_applicant(
                    application, by=request.user, **form.cleaned_data
                )
                messages.success(request, f"We have sent the invitation to {joint.email}.")
                return redirect("fostering:apply", reference=reference)
        except applying.ApplicationError as error:
            form.add_error(
                None if request.POST.get("action") == "cancel" else "email", error.message
            )
    return render(
        request,
        "fostering/apply/joint.html",
        {"case": case, "form": form, "joint": joint},
    )


@login_required
def join(request, token):
    try:
        invited = applying.joint_invitation(token)
    except applying.ApplicationError as error:
        return render(
            request, "fostering/apply/bad_link.html", {"message": error.message}, status=404
        )
    if request.method == "POST":
        try:
            applying.accept_joint_invitation(token, request.user)
        except applying.ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "You have joined the application.")
            return redirect("fostering:apply", reference=invited.application.case.reference)
    lead = invited.application.applicants.get(role=Applicant.Role.LEAD)
    return render(request, "fostering/apply/join.html", {"invited": invited, "lead": lead})


@login_required
def declaration(request, reference):
    case, application, applicant = _applying(request, reference)
    form = DeclarationForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            applying.sign_declaration(applicant, form.cleaned_data)
        except applying.ApplicationError as refused:
            error = refused.message
        else:
            messages.success(request, "Your declaration is signed.")
            return redirect("fostering:apply", reference=reference)
    answers = []
    for section in SECTIONS:
        # Only this applicant's own sections and the household's: never the other's.
        owner = applicant if section.per_applicant else None
        record = applying.section_record(application, section, owner)
        answers.append((section, readable_answers(section, record.data)))
    return render(
        request,
        "fostering/apply/declaration.html",
        {
            "case": case,
            "applicant": applicant,
            "answers": answers,
            "form": form,
            "error": error,
            "unfinished": applying.unfinished(application, applicant),
        },
    )


@login_required
@require_POST
def submit(request, reference):
    case, application, applicant = _applying(request, reference)
    try:
        applying.submit_application(application, by=request.user)
    except applying.ApplicationError as error:
        messages.error(request, error.message)
        return redirect("fostering:apply", reference=reference)
    return redirect("fostering:apply_sent", reference=reference)


@login_required
def sent(request, reference):
    case, application, applicant = _applying(request, reference)
    if not application.is_submitted:
        return redirect("fostering:apply", reference=reference)
    return render(
        request,
        "fostering/apply/sent.html",
        {"case": case, "application": application, "rules": FosteringRules.load()},
    )


# --- The referee's form (no account: the opaque link is the key) -------------------------


def _labelled(form) -> dict:
    """The answers under the questions as the referee read them (what the team reads)."""
    answers = {}
    for name, value in form.cleaned_data.items():
        form_field = form.fields[name]
        if isinstance(value, bool):
            value = "Yes" if value else "No"
        elif getattr(form_field, "choices", None):
            value = dict(form_field.choices).get(value, value)
        answers[str(form_field.label)] = value
    return answers


def reference(request, token):
    try:
        reference_request = applying.reference_request(token)
    except ReferenceLinkError as error:
        return render(
            request, "fostering/apply/bad_link.html", {"message": error.message}, status=404
        )
    form = ReferenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            applying.record_reference(reference_request, _labelled(form))
        except ReferenceLinkError as error:
            return render(request, "fostering/apply/bad_link.html", {"message": error.message})
        return render(
            request, "fostering/apply/reference_sent.html", {"reference_request": reference_request}
        )
    return render(
        request,
        "fostering/apply/reference.html",
        {"reference_request": reference_request, "form": form},
    )
