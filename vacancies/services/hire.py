"""The last move: a cleared candidate becomes a member of staff."""

from django.contrib.auth.models import Group
from django.db import transaction

from accounts.models import JobRole, StaffProfile
from accounts.roles import Role
from core.errors import DomainError
from vacancies.models import ApplicationStatus
from vacancies.signals import candidate_hired


class HireError(DomainError):
    """A hire was refused."""


def job_role_for(vacancy):
    if vacancy.job_role_id:
        return vacancy.job_role
    role = JobRole.objects.filter(family=vacancy.role_family_id).order_by("name").first()
    if role is None:
        raise HireError(
            "This vacancy has no job role, so the new starter's staff record cannot be made. "
            "Set the job role on the vacancy page first."
        )
    return role


def hire(application, *, by, start_date, note="") -> StaffProfile:
    """Move a cleared application to hired and create or update the starter's staff record.

    The only way to HIRED: the pipeline table refuses the move without the staff record
    made here. The record takes the vacancy's employment type, team and job role; the
    person gets the "staff member" role; `candidate_hired` fires once the hire is
    committed, saying whether the staff record is new (a new record is enrolled by the
    academy when it is created, an existing one from the signal). A refusal changes
    nothing: the record and the role are rolled back with the move.
    """
    from vacancies.services.transitions import transition

    if application.candidate_id is None:
        raise HireError("This application no longer has a candidate account to hire.")
    if start_date is None:
        raise HireError("Enter the new starter's start date.")
    vacancy = application.vacancy
    if not vacancy.team_id:
        raise HireError("This vacancy has no team, so the new starter cannot be placed.")
    with transaction.atomic():
        job_role = job_role_for(vacancy)
        user = application.candidate
        profile, created = StaffProfile.objects.update_or_create(
            user=user,
            defaults={
                "employment_type": vacancy.employment_type,
                "team": vacancy.team,
                "job_role": job_role,
                "locality": vacancy.locality or vacancy.team.locality,
                "start_date": start_date,
                "end_date": None,
                "swe_registration_number": application.swe_registration_number,
                "is_nqsw_first_year": "newly qualified" in job_role.name.lower(),
            },
        )
        user.groups.add(Group.objects.get(name=Role.STAFF_MEMBER))
        transition(application, ApplicationStatus.HIRED, by=by, note=note, staff_profile=profile)
        transaction.on_commit(
            lambda: candidate_hired.send(
                sender=type(application),
                application=application,
                staff_profile=profile,
                new_staff_record=created,
            )
        )
    return profile
