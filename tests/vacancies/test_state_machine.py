"""One door for an application's status: the table, the transition function and its rules."""

import ast
import datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from accounts.models import StaffProfile
from vacancies.factories import ApplicationFactory, VacancyPageFactory
from vacancies.models import ApplicationStatus, ApplicationStatusChange
from vacancies.models.applications import CheckStatus
from vacancies.services.applications import (
    ApplicationError,
    start_application,
    submit_application,
    withdraw_application,
)
from vacancies.services.checks import record_check
from vacancies.services.hire import hire
from vacancies.services.transitions import TransitionError, allowed_moves, transition

from .status_writers import find_status_writes, source_files

S = ApplicationStatus
ROOT = Path(__file__).resolve().parents[2]
THE_WRITER = "vacancies/services/transitions.py"
# Factories build rows already at a stage for tests and the demo, as fixtures would; they
# are not a move anybody can make.
BUILDS_TEST_DATA = {"vacancies/factories.py"}


@pytest.fixture
def recruiter(make_user):
    return make_user("recruiter")


def walk(application, statuses, by):
    for status in statuses:
        transition(application, status, by=by)


def cleared(recruiter):
    application = ApplicationFactory()
    walk(application, [S.SHORTLISTED, S.INTERVIEW, S.CONDITIONAL_OFFER, S.CHECKS], recruiter)
    for check in application.checks.all():
        record_check(
            check,
            status=CheckStatus.SATISFACTORY,
            checked_on=datetime.date.today(),
            note="",
            by=recruiter,
        )
    transition(application, S.CLEARED, by=recruiter)
    return application


# -- the only writer -------------------------------------------------------------------


def _writes(source):
    return find_status_writes(source, "example.py", set(S.values))


@pytest.mark.parametrize(
    "source",
    [
        "application.status = ApplicationStatus.HIRED",
        "S = ApplicationStatus\nthing.status = S.HIRED",
        "from vacancies.models import Application\nthing.status = 'withdrawn'",
        "Application.objects.filter(pk=1).update(status='hired')",
        "Application.objects.create(vacancy=v, status=S.SUBMITTED)",
        "Application.objects.update_or_create(pk=1, defaults={'status': 'hired'})",
        "Application(vacancy=v, status='hired').save()",
        "setattr(application, 'status', 'hired')",
        "application.save(update_fields=['status'])",
        "Application.objects.bulk_update(apps, ['status'])",
        "class ApplicationFactory:\n    status = ApplicationStatus.SUBMITTED",
    ],
)
def test_the_scanner_finds_every_shape_of_status_write(source):
    assert _writes(source), source


@pytest.mark.parametrize(
    "source",
    [
        "check.status = CheckStatus.SATISFACTORY",
        "booking.status = BookingStatus.CANCELLED",
        "Booking.objects.filter(pk=1).update(status='cancelled')",
        "Application.objects.filter(status='draft').count()",
        "is_draft = application.status == ApplicationStatus.DRAFT",
        "class Application:\n    status = models.CharField(default=ApplicationStatus.DRAFT)",
    ],
)
def test_the_scanner_ignores_reads_and_other_models_statuses(source):
    assert not _writes(source), source


def test_only_the_transition_function_writes_an_applications_status():
    found = {}
    for path in source_files(ROOT):
        relative = path.relative_to(ROOT).as_posix()
        writes = find_status_writes(path.read_text(), relative, set(S.values))
        if writes:
            found[relative] = writes
    # The scan reaches the real writer, so it is not looking in the wrong place.
    assert THE_WRITER in found
    others = [str(w) for path, ws in found.items() if path != THE_WRITER for w in ws]
    others = [w for w in others if w.split(":")[0] not in BUILDS_TEST_DATA]
    assert others == [], "Application.status written outside transition():\n" + "\n".join(others)
    # Inside the module, only transition() itself writes.
    tree = ast.parse((ROOT / THE_WRITER).read_text())
    [function] = [n for n in tree.body if getattr(n, "name", None) == "transition"]
    inside = set(range(function.lineno, function.end_lineno + 1))
    assert {w.line for w in found[THE_WRITER]} <= inside


def test_the_models_do_not_import_services_and_the_search_modules_do_not_go_round():
    def imports(relative):
        tree = ast.parse((ROOT / relative).read_text())
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
        return names

    for path in (ROOT / "vacancies/models").glob("*.py"):
        assert not any(
            m.startswith("vacancies.services") for m in imports(path.relative_to(ROOT))
        ), path
    assert not any(m.startswith("vacancies.forms") for m in imports("vacancies/queries.py"))
    assert "vacancies.queries" not in imports("vacancies/search_cache.py")
    assert "vacancies.queries" in imports("site/cms/models/pages.py")


# -- submission ------------------------------------------------------------------------


@pytest.fixture
def draft(index, make_user):
    candidate = make_user("candidate")
    application, _ = start_application(VacancyPageFactory(), candidate)
    return application


def test_an_incomplete_draft_is_refused_by_the_service_with_the_missing_steps(draft):
    draft.steps_done = ["personal-details", "right-to-work"]
    draft.save()
    with pytest.raises(ApplicationError) as refused:
        submit_application(draft, token=draft.submission_token)
    assert "“Qualifications”" in refused.value.message
    assert "“Declarations”" in refused.value.message
    assert "Equality" not in refused.value.message  # optional, never required
    draft.refresh_from_db()
    assert draft.status == S.DRAFT and draft.submitted_at is None
    assert not draft.status_changes.exists()


def test_the_table_refuses_submission_straight_from_transition_too(draft):
    with pytest.raises(TransitionError, match="cannot be sent yet"):
        transition(draft, S.SUBMITTED, by=draft.candidate)
    draft.refresh_from_db()
    assert draft.status == S.DRAFT


def test_a_forged_submit_post_of_an_incomplete_draft_changes_nothing(draft, client):
    client.force_login(draft.candidate)
    response = client.post(
        f"/applications/{draft.pk}/review/",
        {"submission_token": str(draft.submission_token)},
        follow=True,
    )
    assert "cannot be sent yet" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == S.DRAFT


def test_a_complete_draft_is_submitted_through_the_table_with_its_history(
    draft, django_capture_on_commit_callbacks
):
    from vacancies.forms.steps import STEPS

    draft.steps_done = [step.slug for step in STEPS]
    draft.save()
    with django_capture_on_commit_callbacks(execute=True):
        application, created = submit_application(draft, token=draft.submission_token)
    assert created and application.status == S.SUBMITTED
    change = ApplicationStatusChange.objects.get(application=draft)
    assert (change.from_status, change.to_status, change.by) == (
        S.DRAFT,
        S.SUBMITTED,
        draft.candidate,
    )
    assert [m.to for m in mail.outbox] == [[draft.email]]


# -- hire only through the hire service -------------------------------------------------


def test_hired_cannot_be_reached_by_an_ordinary_move(index, recruiter):
    application = cleared(recruiter)
    for by in (recruiter, None):
        with pytest.raises(TransitionError):
            transition(application, S.HIRED, by=by)
    application.refresh_from_db()
    assert application.status == S.CLEARED
    assert not StaffProfile.objects.filter(user=application.candidate).exists()


def test_a_forged_move_to_hired_says_to_use_the_hire_and_changes_nothing(index, recruiter, client):
    application = cleared(recruiter)
    client.force_login(recruiter)
    response = client.post(
        f"/recruitment/applications/{application.pk}/move/", {"to_status": "hired"}, follow=True
    )
    assert "staff record" in response.content.decode()
    application.refresh_from_db()
    assert application.status == S.CLEARED


def test_a_refused_hire_leaves_no_staff_record(index, recruiter, make_user):
    application = ApplicationFactory()  # submitted, not cleared
    with pytest.raises(TransitionError):
        hire(application, by=recruiter, start_date=datetime.date(2027, 1, 4))
    assert not StaffProfile.objects.filter(user=application.candidate).exists()
    assert not application.candidate.has_role("staff member")


def test_a_hire_enrols_the_new_starter_once(
    index, recruiter, monkeypatch, django_capture_on_commit_callbacks
):
    from academy.services import enrolment

    calls = []
    real = enrolment.enrol_profile
    monkeypatch.setattr(
        enrolment, "enrol_profile", lambda profile, **kw: calls.append(profile) or real(profile)
    )
    application = cleared(recruiter)
    with django_capture_on_commit_callbacks(execute=True):
        profile = hire(application, by=recruiter, start_date=datetime.date(2027, 1, 4))
    assert calls == [profile]


# -- withdrawal ------------------------------------------------------------------------


def test_a_refused_withdrawal_saves_no_reason(index, make_user):
    application = ApplicationFactory()
    stranger = make_user("candidate")
    with pytest.raises(TransitionError):
        withdraw_application(application, user=stranger, reason="another_job")
    application.refresh_from_db()
    assert (application.status, application.withdrawal_reason) == (S.SUBMITTED, "")


def test_a_withdrawal_needs_a_reason_and_records_it_with_the_move(index):
    application = ApplicationFactory()
    with pytest.raises(TransitionError, match="reason"):
        withdraw_application(application, user=application.candidate, reason="")
    withdraw_application(application, user=application.candidate, reason="another_job")
    application.refresh_from_db()
    assert (application.status, application.withdrawal_reason) == (S.WITHDRAWN, "another_job")


# -- who may move: permissions and the row rules, not role names ------------------------


def test_permissions_decide_who_moves_not_role_names(index, make_user):
    application = ApplicationFactory()
    # A person with no role at all but the recruiter's permissions acts as the team.
    person = make_user()
    person.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="vacancies",
            codename__in=["view_application", "move_application"],
        )
    )
    assert S.SHORTLISTED in allowed_moves(application, person)
    transition(application, S.SHORTLISTED, by=person)
    # A hiring manager of another vacancy may not touch it.
    other_manager = make_user("hiring manager")
    assert allowed_moves(application, other_manager) == []
    with pytest.raises(TransitionError, match="not allowed"):
        transition(application, S.INTERVIEW, by=other_manager)
    application.refresh_from_db()
    assert application.status == S.SHORTLISTED


def test_the_admin_cannot_leave_a_withdrawal_reason_on_a_live_application(index, client_for):
    application = ApplicationFactory()
    # Only a superuser may edit an application in the admin at all (no role may).
    client = client_for("administrator", is_superuser=True)
    response = client.post(
        f"/admin/recruitment/applications/edit/{application.pk}/",
        {"withdrawal_reason": "another_job"},
    )
    assert "Only a withdrawn application has a withdrawal reason" in response.content.decode()
    application.refresh_from_db()
    assert (application.status, application.withdrawal_reason) == (S.SUBMITTED, "")
