"""Knowledge checks on e-learning modules: start an attempt, answer it, see the result."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.errors import DomainError

from ..forms import KnowledgeCheckForm
from ..models import CheckAttempt, ELearningModulePage
from ..services.checks import (
    CheckError,
    answers_from,
    check_standing,
    is_right,
    last_reflection,
    start_attempt,
    submit_attempt,
)
from .common import staff_required


@staff_required
@require_POST
def start_check(request, pk):
    module = get_object_or_404(ELearningModulePage.objects.live(), pk=pk)
    try:
        attempt = start_attempt(request.user, module)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(module.url)
    return redirect("academy:check_attempt", pk=attempt.pk)


@staff_required
def check_attempt(request, pk):
    # Someone else's attempt is not found.
    attempt = get_object_or_404(
        CheckAttempt.objects.select_related("module"), pk=pk, user=request.user
    )
    module = attempt.module.specific
    course = module.get_parent().specific
    if not attempt.is_open:
        if request.method == "POST":
            messages.error(
                request,
                "You have already submitted this attempt, so your answers were not changed. "
                "Your result is below.",
            )
            return redirect("academy:check_attempt", pk=attempt.pk)
        return _result(request, attempt, module, course)
    status = 200
    if request.method == "POST":
        form = KnowledgeCheckForm(attempt, module, request.POST)
        try:
            answers_from(request.POST, attempt)
        except CheckError as error:
            form.is_valid()
            form.add_error(None, error.message)
            status = 400
        else:
            if form.is_valid():
                try:
                    attempt, completion = submit_attempt(
                        attempt.pk, request.user, form.answers(), form.cleaned_data["reflection"]
                    )
                except DomainError as error:
                    messages.error(request, error.message)
                    return redirect("academy:check_attempt", pk=attempt.pk)
                if completion is not None:
                    messages.success(
                        request,
                        f"You have completed {course.title}. Your certificate is on this page "
                        "and we have started a CPD entry with your reflections.",
                    )
                    return redirect("academy:my_training")
                return redirect("academy:check_attempt", pk=attempt.pk)
            status = 400
    else:
        form = KnowledgeCheckForm(
            attempt, module, initial={"reflection": last_reflection(request.user, module)}
        )
    return render(
        request,
        "academy/check_attempt.html",
        {"attempt": attempt, "module": module, "course": course, "form": form},
        status=status,
    )


def _result(request, attempt, module, course):
    questions = []
    for number, question in enumerate(attempt.questions, start=1):
        chosen = attempt.answers.get(question["id"], [])
        questions.append(
            {
                "number": number,
                "text": question["question"],
                "right": is_right(question, chosen),
                "chosen": [question["answers"][n] for n in chosen],
            }
        )
    standing = check_standing(request.user, module)
    following = module.get_next_siblings().live().first()
    return render(
        request,
        "academy/check_result.html",
        {
            "attempt": attempt,
            "module": module,
            "course": course,
            "questions": questions,
            "standing": standing,
            "next_module": following.specific if following else None,
        },
    )
