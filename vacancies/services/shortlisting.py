"""Completing shortlisting: the moment a vacancy's candidates' names are revealed."""

from core.errors import DomainError
from vacancies.models import ApplicationStatus, ShortlistingRecord
from vacancies.permissions import is_recruiter, manages_vacancy


class ShortlistingError(DomainError):
    """Shortlisting could not be completed."""


def complete_shortlisting(vacancy, *, by) -> ShortlistingRecord:
    """Record that shortlisting is complete, which reveals names to the hiring manager.

    Refused while any application still waits for a shortlisting decision, and to anyone
    who neither runs recruitment nor manages this vacancy. Doing it twice keeps the first
    record.
    """
    if not (is_recruiter(by) or manages_vacancy(by, vacancy)):
        raise ShortlistingError("You are not allowed to complete shortlisting for this vacancy.")
    waiting = vacancy.applications.filter(status=ApplicationStatus.SUBMITTED).count()
    if waiting:
        raise ShortlistingError(
            f"{waiting} application{'s' if waiting != 1 else ''} still need a shortlisting "
            "decision."
        )
    record, _ = ShortlistingRecord.objects.get_or_create(
        vacancy=vacancy, defaults={"completed_by": by}
    )
    return record
