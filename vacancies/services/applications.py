"""Starting, saving, submitting and withdrawing an application."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.errors import DomainError
from core.privacy import reusable_fields
from vacancies.models import Application, ApplicationStatus


class ApplicationError(DomainError):
    """An application action was refused."""


def start_application(vacancy, user, *, reuse_previous=True, now=None) -> tuple[Application, bool]:
    """Return this candidate's application for the vacancy, creating a draft if none exists.

    Refuses a new draft once the vacancy has closed. Returns (application, created).
    """
    now = now or timezone.now()
    existing = Application.objects.filter(vacancy=vacancy, candidate=user).first()
    if existing:
        return existing, False
    if not vacancy.live or vacancy.closes_at <= now:
        raise ApplicationError("This vacancy has closed, so it is no longer taking applications.")
    draft = Application(
        vacancy=vacancy,
        candidate=user,
        email=user.email,
        first_name=user.first_name,
        last_name=user.last_name,
    )
    if reuse_previous:
        previous = (
            Application.objects.filter(candidate=user)
            .exclude(anonymised_at__isnull=False)
            .order_by("-updated_at")
            .first()
        )
        if previous:
            # What vacancies/privacy.py declares reusable: facts about the person.
            for name in reusable_fields(Application):
                setattr(draft, name, getattr(previous, name))
    try:
        with transaction.atomic():
            draft.save()
    except IntegrityError:
        # Two tabs started at once: the other one won; use its draft.
        return Application.objects.get(vacancy=vacancy, candidate=user), False
    return draft, True


def mark_step_done(application, step: str) -> None:
    if step not in application.steps_done:
        application.steps_done = [*application.steps_done, step]


def submit_application(application, *, token, now=None) -> tuple[Application, bool]:
    """Submit a draft exactly once. Returns (application, newly_submitted).

    A double click or a re-posted form carries the same submission token: the second
    request finds the application already submitted and changes nothing. The move itself
    (DRAFT to SUBMITTED) goes through the pipeline table, which refuses a draft with a
    step still to do or a vacancy that has closed, and says which.
    """
    from vacancies.services.transitions import TransitionError, transition

    with transaction.atomic():
        locked = (
            Application.objects.select_for_update().select_related("vacancy").get(pk=application.pk)
        )
        if str(locked.submission_token) != str(token):
            raise ApplicationError(
                "This form is out of date. Check your answers below and submit again."
            )
        if locked.status != ApplicationStatus.DRAFT:
            return locked, False
        try:
            transition(locked, ApplicationStatus.SUBMITTED, by=locked.candidate, now=now)
        except TransitionError as error:
            raise ApplicationError(error.message) from None
    return locked, True


def withdraw_application(application, *, user, reason, note="") -> None:
    """Withdraw through the pipeline table; a refused withdrawal saves nothing, reason
    included."""
    from vacancies.services.transitions import transition

    transition(application, ApplicationStatus.WITHDRAWN, by=user, note=note, reason=reason)
