"""Who may open each vacancies URL. Object URLs point at records that belong to someone
else (another candidate, another hiring manager's vacancy), so a forged id is a 404."""

from dataclasses import dataclass, field

from tests.access import ALL_ROLES, Row

RECRUITER = "recruiter"
HIRING_MANAGER = "hiring manager"


@dataclass
class ScopedRow(Row):
    """A Row where some roles get a different answer from `others` (e.g. a hiring
    manager gets 404 for a vacancy that is not theirs, where other roles get 403)."""

    overrides: dict = field(default_factory=dict)

    def expected(self, role):
        if role in self.overrides:
            return self.overrides[role]
        return super().expected(role)


def _application(make_user, **kwargs):
    from vacancies.factories import ApplicationFactory

    return ApplicationFactory(**kwargs)


def application_kwargs(make_user):
    return {"pk": _application(make_user).pk}


def step_kwargs(make_user):
    return {"pk": _application(make_user, status="draft").pk, "step": "personal-details"}


def vacancy_kwargs(make_user):
    from vacancies.factories import VacancyPageFactory

    return {"vacancy_id": VacancyPageFactory().pk}


def check_kwargs(make_user):
    from vacancies.services.checks import open_checks

    application = _application(make_user, status="checks")
    open_checks(application)
    return {"pk": application.pk, "kind": "dbs"}


def alert_token(make_user):
    from django.core import signing

    from vacancies.models import JobAlert
    from vacancies.services.alerts import CONFIRM_SALT

    alert = JobAlert.objects.create(email="someone@example.com", frequency="daily")
    return {"token": signing.dumps(alert.pk, salt=CONFIRM_SALT)}


def unsubscribe_token(make_user):
    from django.core import signing

    from vacancies.models import JobAlert
    from vacancies.services.alerts import UNSUBSCRIBE_SALT

    alert = JobAlert.objects.create(email="someone@example.com", frequency="daily")
    return {"token": signing.dumps(alert.pk, salt=UNSUBSCRIBE_SALT)}


# Someone else's application: every signed-in person gets 404 on the candidate pages.
CANDIDATE_OBJECT = {"allowed": set(), "others": 404}

ACCESS = [
    Row("vacancies:my_applications", allowed=ALL_ROLES),
    Row("vacancies:saved", allowed=ALL_ROLES),
    Row("vacancies:start", allowed=ALL_ROLES, kwargs=vacancy_kwargs),
    Row("vacancies:application", kwargs=application_kwargs, **CANDIDATE_OBJECT),
    Row("vacancies:step", kwargs=step_kwargs, **CANDIDATE_OBJECT),
    Row("vacancies:review", kwargs=application_kwargs, **CANDIDATE_OBJECT),
    Row("vacancies:withdraw", kwargs=application_kwargs, **CANDIDATE_OBJECT),
    Row("vacancies:interview_ics", kwargs=application_kwargs, **CANDIDATE_OBJECT),
    # POST-only actions answer GET with 405 once signed in.
    Row("vacancies:choose_slot", kwargs=application_kwargs, allowed=set(), others=405),
    Row("vacancies:toggle_saved", kwargs=vacancy_kwargs, allowed=set(), others=405),
    # The CV: recruiters may download it; a hiring manager who does not manage the
    # vacancy, and everyone else, gets nothing.
    Row("vacancies:cv", kwargs=application_kwargs, allowed={RECRUITER}, others=404),
    Row("vacancies:alert_create", public=True),
    Row("vacancies:alert_confirm", public=True, kwargs=alert_token),
    Row("vacancies:alert_unsubscribe", public=True, kwargs=unsubscribe_token),
    # POST-only staff actions: who may POST is tested in tests/vacancies/test_pipeline.py.
    Row("vacancies:staff_index", allowed={RECRUITER, HIRING_MANAGER}),
    Row("vacancies:staff_reports", allowed={RECRUITER}),
    ScopedRow(
        "vacancies:staff_pipeline",
        kwargs=vacancy_kwargs,
        allowed={RECRUITER},
        overrides={HIRING_MANAGER: 404},
    ),
    Row("vacancies:staff_complete_shortlisting", kwargs=vacancy_kwargs, allowed=set(), others=405),
    Row("vacancies:staff_add_slot", kwargs=vacancy_kwargs, allowed=set(), others=405),
    ScopedRow(
        "vacancies:staff_application",
        kwargs=application_kwargs,
        allowed={RECRUITER},
        overrides={HIRING_MANAGER: 404},
    ),
    ScopedRow(
        "vacancies:staff_move",
        kwargs=application_kwargs,
        allowed={RECRUITER},
        overrides={HIRING_MANAGER: 404},
    ),
    ScopedRow(
        "vacancies:staff_check",
        kwargs=check_kwargs,
        allowed={RECRUITER},
        overrides={HIRING_MANAGER: 404},
    ),
    # Hiring needs a cleared application: a submitted one cannot be hired yet.
    ScopedRow(
        "vacancies:staff_hire",
        kwargs=application_kwargs,
        allowed=set(),
        overrides={HIRING_MANAGER: 404},
    ),
    # Back-office registers in the Wagtail admin (admin users without the permission are
    # sent to the dashboard: 302; people without admin access get 403).
    Row(
        "recruitment-applications",
        path="/admin/recruitment/applications/",
        allowed={RECRUITER},
        others=302,
    ),
    Row("recruitment-checks", path="/admin/recruitment/checks/", allowed={RECRUITER}, others=302),
    Row(
        "recruitment-job-alerts",
        path="/admin/recruitment/job-alerts/",
        allowed={RECRUITER},
        others=302,
    ),
]
