"""The application pipeline: one table of allowed moves and one function that makes them.

`transition()` is the only code that writes `Application.status` (a test scans the source
tree for any other writer). Each move in `TRANSITIONS` says who may make it (the capacities
in vacancies/permissions.py, worked out from permissions and the row rules) and whether
the candidate hears about it; `_missing()` lists what must be true before a move (a
complete draft before submission, every required check before clearance, a staff record
before a hire, a reason before a withdrawal). What follows a move (checks opened,
equality answers cut loose, e-mails) is in `_follow_on()`; the hire's own follow-on (the
staff record, the `candidate_hired` signal) is in services/hire.py.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from core.errors import DomainError
from vacancies.models import Application, ApplicationStatus, ApplicationStatusChange
from vacancies.models.applications import TERMINAL_STATUSES, WithdrawalReason
from vacancies.permissions import Actor, acting_as

S = ApplicationStatus

CANDIDATE = frozenset({Actor.CANDIDATE})
RECRUITER = frozenset({Actor.RECRUITER})
STAFF = frozenset({Actor.RECRUITER, Actor.HIRING_MANAGER})
CANDIDATE_OR_RECRUITER = frozenset({Actor.CANDIDATE, Actor.RECRUITER})


@dataclass(frozen=True)
class Move:
    by: frozenset[Actor]
    notify: bool = True  # the candidate hears about it by e-mail (status_changed)
    hire_only: bool = False  # reachable only through services/hire.py, with a staff record


# Every allowed move, and who may make it. Anything not listed is refused.
TRANSITIONS: dict[str, dict[str, Move]] = {
    # Submission sends its own confirmation e-mail rather than a status e-mail.
    S.DRAFT: {S.SUBMITTED: Move(CANDIDATE, notify=False)},
    S.SUBMITTED: {
        S.SHORTLISTED: Move(STAFF, notify=False),
        S.NOT_SHORTLISTED: Move(STAFF),
        S.WITHDRAWN: Move(CANDIDATE_OR_RECRUITER),
    },
    S.SHORTLISTED: {
        S.INTERVIEW: Move(STAFF),
        S.NOT_SHORTLISTED: Move(STAFF),
        S.WITHDRAWN: Move(CANDIDATE_OR_RECRUITER),
    },
    S.INTERVIEW: {
        S.UNSUCCESSFUL: Move(STAFF),
        S.CONDITIONAL_OFFER: Move(STAFF),
        S.WITHDRAWN: Move(CANDIDATE_OR_RECRUITER),
    },
    S.CONDITIONAL_OFFER: {
        S.CHECKS: Move(RECRUITER),
        S.OFFER_DECLINED: Move(CANDIDATE_OR_RECRUITER),
        S.WITHDRAWN: Move(CANDIDATE_OR_RECRUITER),
    },
    S.CHECKS: {
        S.CLEARED: Move(RECRUITER),
        S.WITHDRAWN: Move(CANDIDATE_OR_RECRUITER),
    },
    S.CLEARED: {
        S.HIRED: Move(RECRUITER, hire_only=True),
        S.WITHDRAWN: Move(CANDIDATE_OR_RECRUITER),
    },
}

TERMINAL = TERMINAL_STATUSES
# The stages an application passes through on the way to a hire, in order (reports).
FUNNEL = [
    S.SUBMITTED,
    S.SHORTLISTED,
    S.INTERVIEW,
    S.CONDITIONAL_OFFER,
    S.CHECKS,
    S.CLEARED,
    S.HIRED,
]


class TransitionError(DomainError):
    """A pipeline move was refused; `message` says what is missing. Nothing changed."""


def allowed_moves(application, user) -> list[str]:
    """The moves the table lets this person make from the application's current status."""
    capacities = acting_as(user, application)
    return [
        to for to, move in TRANSITIONS.get(application.status, {}).items() if capacities & move.by
    ]


def ordinary_moves(application, user) -> list[str]:
    """`allowed_moves` without the ones that need their own service (the hire)."""
    moves = TRANSITIONS.get(application.status, {})
    return [to for to in allowed_moves(application, user) if not moves[to].hire_only]


def missing_steps(application) -> list:
    """The application-form steps this draft still needs (the optional equality step
    never counts)."""
    from vacancies.forms.steps import STEPS, EqualityForm

    return [
        step
        for step in STEPS
        if step is not EqualityForm
        and step.applies_to(application.vacancy)
        and step.slug not in application.steps_done
    ]


def _missing(application, to_status, *, now, staff_profile, reason) -> str | None:
    """What must still be true before this move, in words for the person trying it."""
    if to_status == S.SUBMITTED:
        vacancy = application.vacancy
        if not vacancy.live or vacancy.closes_at <= now:
            return (
                "This vacancy closed before you submitted. Your draft has been kept, "
                "but it can no longer be sent."
            )
        steps = missing_steps(application)
        if steps:
            titles = _and_list([f"“{step.title}”" for step in steps])
            return f"Your application cannot be sent yet. Complete {titles} first."
    elif to_status == S.CLEARED:
        checks = list(application.checks.all())
        if not checks:
            return "The candidate cannot be cleared before the pre-employment checks are opened."
        outstanding = [c.get_kind_display().lower() for c in checks if c.required and not c.is_done]
        if outstanding:
            return (
                "The candidate cannot be cleared while a required check is outstanding: "
                f"{_and_list(outstanding)}."
            )
    elif to_status == S.HIRED:
        if staff_profile is None or staff_profile.user_id != application.candidate_id:
            return (
                "A hire needs the new starter's staff record: use “Hire and create staff "
                "record”, which asks for the start date."
            )
    elif to_status == S.WITHDRAWN and reason not in WithdrawalReason.values:
        return "Choose a reason for withdrawing the application."
    return None


def _refusal(application, to_status, by, move) -> str | None:
    if move is None:
        return (
            f"An application that is “{application.get_status_display().lower()}” cannot be "
            f"moved to “{S(to_status).label.lower()}”."
        )
    if by is None:
        return "Every move records the person who made it: this one names nobody."
    if not acting_as(by, application) & move.by:
        who = " or ".join(sorted(move.by))
        return f"You are not allowed to make this move: only {who} can."
    return None


def transition(
    application,
    to_status,
    *,
    by,
    note="",
    now=None,
    reason="",
    staff_profile=None,
) -> ApplicationStatusChange:
    """Move an application to `to_status` if the table allows it for this person.

    Promises: the row is locked while it moves; a refused move raises `TransitionError`
    saying what is missing and changes nothing; an allowed move records who, when, from,
    to and why (`note`), and what follows it (see `_follow_on`) is sent only once the move
    is committed. A withdrawal needs its `reason`; a hire needs the `staff_profile` that
    services/hire.py creates.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update().select_related("vacancy").get(pk=application.pk)
        )
        move = TRANSITIONS.get(locked.status, {}).get(to_status)
        refusal = _refusal(locked, to_status, by, move)
        if refusal:
            raise TransitionError(refusal)
        missing = _missing(locked, to_status, now=now, staff_profile=staff_profile, reason=reason)
        if missing:
            raise TransitionError(missing)
        change = ApplicationStatusChange.objects.create(
            application=locked,
            from_status=locked.status,
            to_status=to_status,
            by=by,
            at=now,
            note=note,
        )
        # The one place an application's status is written.
        locked.status = S(to_status)
        locked.status_changed_at = now
        changed = ["status", "status_changed_at"]
        if to_status == S.SUBMITTED:
            locked.submitted_at = now
            changed.append("submitted_at")
        if to_status == S.WITHDRAWN:
            locked.withdrawal_reason = reason
            changed.append("withdrawal_reason")
        locked.save(update_fields=[*changed, "updated_at"])
        _follow_on(locked, move, change, now=now)
    # The caller's copy shows the move too.
    application.status = locked.status
    for name in changed[1:]:
        setattr(application, name, getattr(locked, name))
    return change


def _follow_on(application, move, change, *, now) -> None:
    """What a move sets in train: in this transaction, or once it commits."""
    from vacancies import tasks

    to_status = change.to_status
    if to_status == S.SUBMITTED:
        from vacancies.models import EqualityMonitoring

        # Cut the equality answers loose: from now on they belong to the vacancy only.
        EqualityMonitoring.objects.filter(draft_application=application).update(
            draft_application=None, submitted_on=now.date()
        )
        transaction.on_commit(lambda: tasks.send_submission_email.delay(application.pk))
    elif to_status == S.CHECKS:
        from vacancies.services.checks import open_checks

        open_checks(application)
    if move.notify and application.candidate_id:
        transaction.on_commit(lambda: tasks.send_status_email.delay(change.pk))


def _and_list(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]
