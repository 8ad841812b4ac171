"""Which rows each person may see: the workforce lead and the two signatories see the whole
register; a line manager sees their own team's (their direct reports and the teams they
manage); an agency worker sees only their own assignment."""

from django.db.models import Q

from .models import AgencyAssignment, EmploymentSpell


def sees_everything(user) -> bool:
    return (
        user.has_perm("workforce.manage_agency_register")
        or user.has_perm("workforce.sign_off_as_dcs")
        or user.has_perm("workforce.sign_off_as_chief_executive")
    )


def _managed_team_ids(user):
    return set(
        EmploymentSpell.objects.active_on()
        .filter(line_manager=user)
        .values_list("team_id", flat=True)
    )


def visible_spells(user):
    spells = EmploymentSpell.objects.select_related("profile__user", "team", "job_role")
    if sees_everything(user):
        return spells
    if not user.has_perm("workforce.view_employmentspell"):
        return spells.none()
    return spells.filter(Q(line_manager=user) | Q(team_id__in=_managed_team_ids(user)))


def visible_assignments(user):
    assignments = AgencyAssignment.objects.select_related("worker__user", "agency", "team")
    if sees_everything(user):
        return assignments
    mine = Q(worker__user=user)
    if user.has_perm("workforce.view_agencyassignment"):
        managed = _managed_team_ids(user)
        return assignments.filter(mine | Q(team_id__in=managed) | Q(worker__line_manager=user))
    return assignments.filter(mine)
