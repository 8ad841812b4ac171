"""Knowledge checks: starting an attempt, marking it, and what passing leads to.

A module is finished only by passing its check. Each attempt draws its questions at
random from the module's bank; a failed attempt can be retaken after the module's wait.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from core.errors import DomainError

from ..models import CheckAttempt, ModuleProgress
from .booking import staff_profile
from .elearning import record_module_passed, refuse_unless_open

ANSWER_PREFIX = "answer-"


class CheckError(DomainError):
    """A knowledge-check action the rules do not allow; nothing was changed."""


def _when(moment: datetime.datetime) -> str:
    local = timezone.localtime(moment)
    hour = local.strftime("%-I:%M%p").lower().replace(":00", "")
    return f"{hour} on {local:%-d %B %Y}"


def retake_opens_at(user, module) -> datetime.datetime | None:
    """When the person may next start the module's check, if they must wait."""
    last = (
        CheckAttempt.objects.filter(user=user, module=module, submitted_at__isnull=False)
        .order_by("-submitted_at")
        .first()
    )
    if last is None or last.passed or not module.retake_wait_hours:
        return None
    return last.submitted_at + datetime.timedelta(hours=module.retake_wait_hours)


def passed_in_current_run(user, module) -> bool:
    return ModuleProgress.objects.filter(user=user, module=module, completion=None).exists()


def check_standing(user, module, *, now=None) -> dict:
    """What the module page offers the person: their open attempt, their last result, and
    when (if ever) they must wait before trying again."""
    now = now or timezone.now()
    if not user.is_authenticated:
        return {}
    attempts = CheckAttempt.objects.filter(user=user, module=module)
    opens = retake_opens_at(user, module)
    return {
        "open_attempt": attempts.filter(submitted_at__isnull=True).first(),
        "last_attempt": attempts.filter(submitted_at__isnull=False)
        .order_by("-submitted_at")
        .first(),
        "attempt_count": attempts.filter(submitted_at__isnull=False).count(),
        "retake_opens_at": opens if opens and opens > now else None,
    }


def start_attempt(user, module, *, now=None, rng=None) -> CheckAttempt:
    """Start (or carry on with) the person's attempt at a module's check. Refuses people
    without a staff record, a module already passed in this run through the course, a
    course that is in date, and a retake before the module's wait is over."""
    now = now or timezone.now()
    if staff_profile(user) is None:
        raise CheckError("Sign in with your staff account to take the knowledge check.")
    course = module.get_parent().specific
    bank = module.question_bank()
    if not bank:
        raise CheckError("This module has no knowledge check yet. Please tell the academy team.")
    with transaction.atomic():
        from accounts.models import User

        # One start at a time per person, so a double click cannot open two attempts.
        User.objects.select_for_update().filter(pk=user.pk).first()
        refuse_unless_open(user, course, timezone.localtime(now).date())
        if passed_in_current_run(user, module):
            raise CheckError(f"You have already passed the check for “{module.title}”.")
        open_attempt = CheckAttempt.objects.filter(
            user=user, module=module, submitted_at__isnull=True
        ).first()
        if open_attempt is not None:
            return open_attempt
        opens = retake_opens_at(user, module)
        if opens is not None and opens > now:
            raise CheckError(
                f"You can retake the check for “{module.title}” from {_when(opens)}. Use "
                "the time to read the module again."
            )
        count = min(module.questions_per_attempt, len(bank))
        drawn = (rng or random.SystemRandom()).sample(bank, count)
        return CheckAttempt.objects.create(
            user=user,
            module=module,
            started_at=now,
            questions=drawn,
            pass_mark=module.pass_mark,
        )


def answers_from(data, attempt: CheckAttempt) -> dict[str, list[int]]:
    """The answers in a submitted form, refusing any for a question not in the attempt or
    an answer that is not one of the question's choices."""
    questions = {q["id"]: q for q in attempt.questions}
    answers = {}
    for key in data:
        if not key.startswith(ANSWER_PREFIX):
            continue
        question_id = key[len(ANSWER_PREFIX) :]
        if question_id not in questions:
            raise CheckError(
                "Your answers do not match the questions in this attempt. Nothing has been "
                "saved: please answer the questions shown below."
            )
        values = data.getlist(key) if hasattr(data, "getlist") else data[key]
        if isinstance(values, str):
            values = [values]
        chosen = []
        for value in values:
            if not str(value).isdigit() or int(value) >= len(questions[question_id]["answers"]):
                raise CheckError(
                    "One of your answers is not a choice on this check. Nothing has been "
                    "saved: please answer the questions shown below."
                )
            chosen.append(int(value))
        answers[question_id] = sorted(set(chosen))
    return answers


def is_right(question: dict, chosen: list[int]) -> bool:
    right = {n for n, answer in enumerate(question["answers"]) if answer["correct"]}
    return set(chosen) == right


def submit_attempt(attempt_id: int, user, answers: dict, reflection: str = "", *, now=None):
    """Mark an attempt, once. Every question must be answered (the form sees to that); a
    resubmitted or replayed attempt is refused and changes nothing. Passing finishes the
    module and, with the last module, the course. Returns (attempt, completion or None)."""
    now = now or timezone.now()
    with transaction.atomic():
        attempt = (
            CheckAttempt.objects.select_for_update()
            .select_related("module")
            .filter(pk=attempt_id, user=user)
            .first()
        )
        if attempt is None:
            raise CheckError("We could not find that attempt.")
        if not attempt.is_open:
            raise CheckError(
                "You have already submitted this attempt, so your answers were not changed. "
                "Your result is below."
            )
        if set(answers) - set(attempt.question_ids()):
            raise CheckError("Your answers do not match the questions in this attempt.")
        if set(answers) != set(attempt.question_ids()):
            raise CheckError("Answer every question before you submit the check.")
        score = sum(is_right(q, answers[q["id"]]) for q in attempt.questions)
        attempt.answers = answers
        attempt.score = score
        attempt.passed = 100 * score >= attempt.pass_mark * attempt.total
        attempt.submitted_at = now
        attempt.reflection = reflection.strip()
        attempt.save(update_fields=["answers", "score", "passed", "submitted_at", "reflection"])
        completion = None
        if attempt.passed:
            completion = record_module_passed(user, attempt.module.specific, now=now)
    return attempt, completion


def module_reflections(user, modules, since=None) -> list[tuple[str, str]]:
    """(module title, reflection) for each module, from the person's latest attempt with a
    reflection in this run through the course."""
    attempts = CheckAttempt.objects.filter(
        user=user, module__in=modules, submitted_at__isnull=False
    ).exclude(reflection="")
    if since is not None:
        attempts = attempts.filter(submitted_at__gt=since)
    latest = {}
    for attempt in attempts.order_by("submitted_at"):
        latest[attempt.module_id] = attempt.reflection
    return [(m.title, latest[m.pk]) for m in modules if m.pk in latest]


def last_reflection(user, module) -> str:
    attempt = (
        CheckAttempt.objects.filter(user=user, module=module)
        .exclude(reflection="")
        .order_by("-started_at")
        .first()
    )
    return attempt.reflection if attempt else ""
