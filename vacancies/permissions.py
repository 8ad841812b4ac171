"""Who may do what to applications: permissions (accounts/roles.py) plus the row rules.

Roles hold permissions; this module adds the rules about *which* rows a person may touch:
- a recruiter (may see every application and move them) runs every pipeline;
- a hiring manager (may shortlist and move) acts only on vacancies they manage;
- a candidate acts only on their own application.
Views, the Wagtail viewsets and the transition service (services/transitions.py) all ask
these functions, so a rule about access is changed here and nowhere else.
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.http import Http404

from vacancies.models import Application, ApplicationStatus, VacancyPage


class Actor(StrEnum):
    """The capacities in which someone can move an application (the table's columns)."""

    CANDIDATE = "the candidate"
    HIRING_MANAGER = "the vacancy's hiring manager"
    RECRUITER = "the recruitment team"
    SERVICE = "the service itself"  # scheduled tasks and data fixes (no person)


def is_recruiter(user) -> bool:
    """Runs every pipeline: sees all applications and may move them."""
    return (
        user is not None
        and user.is_authenticated
        and user.has_perm("vacancies.view_application")
        and user.has_perm("vacancies.move_application")
    )


def manages_vacancy(user, vacancy) -> bool:
    """A hiring manager acting on a vacancy they manage (the row rule)."""
    return (
        user is not None
        and user.is_authenticated
        and user.has_perm("vacancies.shortlist_application")
        and user.has_perm("vacancies.move_application")
        and vacancy.hiring_manager_id == user.pk
    )


def acting_as(user, application) -> frozenset[Actor]:
    """Every capacity in which `user` may act on this application (empty: none).

    `user=None` is the service itself (a scheduled task), never a person.
    """
    if user is None:
        return frozenset({Actor.SERVICE})
    if not user.is_authenticated:
        return frozenset()
    capacities = set()
    if application.candidate_id is not None and application.candidate_id == user.pk:
        capacities.add(Actor.CANDIDATE)
    if is_recruiter(user):
        capacities.add(Actor.RECRUITER)
    elif manages_vacancy(user, application.vacancy):
        capacities.add(Actor.HIRING_MANAGER)
    return frozenset(capacities)


def is_staff_reviewer(user) -> bool:
    return user.is_authenticated and (
        user.has_perm("vacancies.view_application")
        or user.has_perm("vacancies.shortlist_application")
    )


def staff_applications(user):
    """Submitted applications this member of staff may see."""
    queryset = Application.objects.submitted().select_related("vacancy", "candidate")
    if user.has_perm("vacancies.view_application"):
        return queryset
    if user.has_perm("vacancies.shortlist_application"):
        return queryset.filter(vacancy__hiring_manager=user)
    return queryset.none()


def staff_vacancies(user):
    queryset = VacancyPage.objects.all()
    if user.has_perm("vacancies.view_application"):
        return queryset
    if user.has_perm("vacancies.shortlist_application"):
        return queryset.filter(hiring_manager=user)
    return queryset.none()


def require_staff_reviewer(user):
    if not is_staff_reviewer(user):
        raise PermissionDenied


def get_staff_application(user, pk):
    require_staff_reviewer(user)
    try:
        return staff_applications(user).get(pk=pk)
    except (Application.DoesNotExist, ValueError):
        raise Http404("No such application") from None


def get_candidate_application(user, pk):
    """A candidate's own application; any other id is a 404, never a 403."""
    try:
        return Application.objects.select_related("vacancy").get(pk=pk, candidate=user)
    except (Application.DoesNotExist, ValueError):
        raise Http404("No such application") from None


def shortlisting_complete(vacancy) -> bool:
    return hasattr(vacancy, "shortlisting")


def names_hidden(user, vacancy) -> bool:
    """Shortlisters see no names until shortlisting is complete for the vacancy.

    Recruiters run the process (they arrange interviews and checks) and so see names;
    hiring managers are the shortlisters.
    """
    if user.has_perm("vacancies.view_application"):
        return False
    return not shortlisting_complete(vacancy)


def must_anonymise(user, application) -> bool:
    return names_hidden(user, application.vacancy)


# Stages an application reaches only by being shortlisted.
_SHORTLISTED_STAGES = frozenset(
    {
        ApplicationStatus.SHORTLISTED,
        ApplicationStatus.INTERVIEW,
        ApplicationStatus.UNSUCCESSFUL,
        ApplicationStatus.CONDITIONAL_OFFER,
        ApplicationStatus.CHECKS,
        ApplicationStatus.CLEARED,
        ApplicationStatus.HIRED,
    }
)


def may_see_interview_adjustments(user, application) -> bool:
    """The adjustments answer can reveal a disability: it reaches only those who arrange
    the interview (permission to add interview slots, on a vacancy they may see), and only
    once shortlisting is complete and this candidate was shortlisted."""
    return (
        user.has_perm("vacancies.add_interviewslot")
        and (is_recruiter(user) or manages_vacancy(user, application.vacancy))
        and shortlisting_complete(application.vacancy)
        and application.status in _SHORTLISTED_STAGES
    )
