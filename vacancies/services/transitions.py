"""The application pipeline: one table of allowed moves and one function that makes them."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from core.errors import DomainError
from vacancies.models import Application, ApplicationStatus, ApplicationStatusChange

S = ApplicationStatus

RECRUITER = "recruiter"
HIRING_MANAGER = "hiring manager"
CANDIDATE = "candidate"
STAFF = frozenset({RECRUITER, HIRING_MANAGER})


@dataclass(frozen=True)
class Move:
    by: frozenset[str]
    notify: bool = True  # the candidate hears about it by e-mail


# Every allowed move, and who may make it. Anything not listed is refused.
TRANSITIONS: dict[str, dict[str, Move]] = {
    S.SUBMITTED: {
        S.SHORTLISTED: Move(STAFF, notify=False),
        S.NOT_SHORTLISTED: Move(STAFF),
        S.WITHDRAWN: Move(frozenset({CANDIDATE, RECRUITER})),
    },
    S.SHORTLISTED: {
        S.INTERVIEW: Move(STAFF),
        S.NOT_SHORTLISTED: Move(STAFF),
        S.WITHDRAWN: Move(frozenset({CANDIDATE, RECRUITER})),
    },
    S.INTERVIEW: {
        S.UNSUCCESSFUL: Move(STAFF),
        S.CONDITIONAL_OFFER: Move(STAFF),
        S.WITHDRAWN: Move(frozenset({CANDIDATE, RECRUITER})),
    },
    S.CONDITIONAL_OFFER: {
        S.CHECKS: Move(frozenset({RECRUITER})),
        S.OFFER_DECLINED: Move(frozenset({CANDIDATE, RECRUITER})),
        S.WITHDRAWN: Move(frozenset({CANDIDATE, RECRUITER})),
    },
    S.CHECKS: {
        S.CLEARED: Move(frozenset({RECRUITER})),
        S.WITHDRAWN: Move(frozenset({CANDIDATE, RECRUITER})),
    },
    S.CLEARED: {
        S.HIRED: Move(frozenset({RECRUITER})),
        S.WITHDRAWN: Move(frozenset({CANDIDATE, RECRUITER})),
    },
}

TERMINAL = frozenset({S.NOT_SHORTLISTED, S.UNSUCCESSFUL, S.OFFER_DECLINED, S.HIRED, S.WITHDRAWN})
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
    """A pipeline move was refused."""


def actor_kind(user, application) -> str | None:
    """Which column of the table this person acts in for this application."""
    if user is None:
        return RECRUITER  # scheduled tasks and data fixes act as the service
    if user.has_role("recruiter"):
        return RECRUITER
    if user.has_role("hiring manager") and application.vacancy.hiring_manager_id == user.pk:
        return HIRING_MANAGER
    if application.candidate_id == user.pk:
        return CANDIDATE
    return None


def allowed_moves(application, user) -> list[str]:
    kind = actor_kind(user, application)
    return [to for to, move in TRANSITIONS.get(application.status, {}).items() if kind in move.by]


def transition(application, to_status, *, by, note="", now=None) -> ApplicationStatusChange:
    """Move an application to `to_status` if the table allows it for this person.

    Promises: the row is locked while it moves, the change is recorded (who, when, from,
    to, note), "cleared" is refused while a required check is outstanding, and the
    candidate's e-mail is queued only once the move is committed.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update().select_related("vacancy").get(pk=application.pk)
        )
        move = TRANSITIONS.get(locked.status, {}).get(to_status)
        if move is None:
            raise TransitionError(
                f"An application that is “{locked.get_status_display().lower()}” cannot be "
                f"moved to “{S(to_status).label.lower()}”."
            )
        if actor_kind(by, locked) not in move.by:
            raise TransitionError("You are not allowed to make this move.")
        if to_status == S.CLEARED:
            outstanding = [c for c in locked.checks.all() if c.required and not c.is_done]
            if outstanding or not locked.checks.exists():
                names = ", ".join(c.get_kind_display().lower() for c in outstanding)
                raise TransitionError(
                    "The candidate cannot be cleared while a required check is outstanding"
                    + (f": {names}." if names else ".")
                )
        change = ApplicationStatusChange.objects.create(
            application=locked,
            from_status=locked.status,
            to_status=to_status,
            by=by,
            at=now,
            note=note,
        )
        locked.status = to_status
        locked.status_changed_at = now
        locked.save(update_fields=["status", "status_changed_at", "updated_at"])
        if to_status == S.CHECKS:
            from vacancies.services.checks import open_checks

            open_checks(locked)
        if move.notify and locked.candidate_id:
            from vacancies.tasks import send_status_email

            transaction.on_commit(lambda: send_status_email.delay(change.pk))
    application.status = to_status
    application.status_changed_at = now
    return change
