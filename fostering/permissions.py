"""Who sees which fostering cases: the team and administrators see all, an enquirer only
their own. Used by the views and by the Wagtail viewsets."""

from django.db.models import Q

from .models import FosteringCase

VIEW_CASES = "fostering.view_fosteringcase"
CHANGE_CASES = "fostering.change_fosteringcase"


def cases_for(user):
    if user.is_authenticated and user.has_perm(VIEW_CASES):
        return FosteringCase.objects.all()
    return FosteringCase.objects.none()


def own_cases(user):
    """An enquirer's own cases (linked to them by their verified e-mail address), and the
    case of an application they have joined as the joint applicant."""
    if not user.is_authenticated:
        return FosteringCase.objects.none()
    return FosteringCase.objects.filter(
        Q(user=user) | Q(application__applicants__user=user)
    ).distinct()
