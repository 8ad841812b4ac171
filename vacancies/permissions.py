"""Row-level rules: which applications and vacancies each person may see.

Recruiters see every application; a hiring manager only those for vacancies they manage;
a candidate only their own. Views and the Wagtail viewsets use these same filters.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.roles import Role
from vacancies.models import Application, VacancyPage


def is_recruiter(user) -> bool:
    return user.is_authenticated and user.has_perm("vacancies.view_application")


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
    except Application.DoesNotExist:
        raise Http404("No such application") from None


def get_candidate_application(user, pk):
    """A candidate's own application; any other id is a 404, never a 403."""
    try:
        return Application.objects.select_related("vacancy").get(pk=pk, candidate=user)
    except Application.DoesNotExist:
        raise Http404("No such application") from None


def must_anonymise(user, application) -> bool:
    """Shortlisters see no names until shortlisting is complete for the vacancy.

    Recruiters run the process (they arrange interviews and checks) and so see
    everything; hiring managers are the shortlisters.
    """
    if user.has_perm("vacancies.view_application"):
        return False
    return not hasattr(application.vacancy, "shortlisting")


def can_move(user) -> bool:
    return user.has_perm("vacancies.move_application") or (
        user.has_role(Role.HIRING_MANAGER) and user.has_perm("vacancies.shortlist_application")
    )
