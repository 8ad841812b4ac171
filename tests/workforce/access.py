import datetime

from accounts.roles import STAFF_ROLES, Role
from tests.access import Row

LEAD = {Role.WORKFORCE_LEAD}
SIGNATORIES = {Role.DCS, Role.CHIEF_EXECUTIVE}
READERS = LEAD | SIGNATORIES | {Role.LINE_MANAGER}


def _assignment(make_user):
    from workforce.factories import AgencyFactory, AgencyWorkerFactory
    from workforce.services.agency import register_assignment

    worker = AgencyWorkerFactory()
    assignment = register_assignment(
        worker=worker,
        agency=AgencyFactory(),
        job_type="social_worker",
        team=worker.team,
        start_date=datetime.date(2025, 2, 3),
        planned_end_date=datetime.date(2025, 8, 1),
        notice_weeks=4,
        hourly_rate="40",
        reason="Cover",
        by=None,
    )
    return {"pk": assignment.pk}


def _profile(make_user):
    from accounts.factories import StaffProfileFactory

    return {"pk": StaffProfileFactory().pk}


ACCESS = [
    Row("workforce:home", allowed=READERS),
    Row("workforce:history", allowed=READERS),
    Row("workforce:assignments", allowed=READERS),
    # Someone else's assignment in a team they do not manage: not found for a line manager.
    Row("workforce:assignment", allowed=LEAD | SIGNATORIES, kwargs=_assignment, others=404),
    Row("workforce:assignment_new", allowed=LEAD),
    Row("workforce:assignment_compliance", allowed=LEAD, kwargs=_assignment),
    Row("workforce:assignment_rate", allowed=LEAD, kwargs=_assignment),
    Row("workforce:assignment_start", allowed=LEAD, kwargs=_assignment, ok=405),
    Row("workforce:assignment_sign_off", allowed=SIGNATORIES, kwargs=_assignment, ok=405),
    Row("workforce:my_assignment", allowed=set(STAFF_ROLES)),
    Row("workforce:registrations", allowed=LEAD),
    Row("workforce:registration_check", allowed=LEAD, kwargs=_profile),
    Row("workforce:return", allowed=LEAD),
    Row("workforce:dashboard", allowed=LEAD),
]
