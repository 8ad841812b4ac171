"""The pipeline: the transition table, checks, anonymised shortlisting, hire, access log."""

import datetime

import pytest
from django.core import mail

from accounts.models import StaffProfile
from core.models import AccessLogEntry
from vacancies.factories import ApplicationFactory, VacancyPageFactory
from vacancies.models import ApplicationStatus, ApplicationStatusChange, ShortlistingRecord
from vacancies.models.applications import CheckKind, CheckStatus
from vacancies.services.checks import record_check
from vacancies.services.hire import hire
from vacancies.services.transitions import TERMINAL, TRANSITIONS, TransitionError, transition
from vacancies.signals import candidate_hired

S = ApplicationStatus


@pytest.fixture
def recruiter(make_user):
    return make_user("recruiter")


@pytest.fixture
def application(index):
    return ApplicationFactory()


def walk(application, statuses, by):
    for status in statuses:
        transition(application, status, by=by)


def test_every_status_appears_in_the_table_and_the_terminal_ones_lead_nowhere():
    mentioned = set(TRANSITIONS) | {to for moves in TRANSITIONS.values() for to in moves}
    assert mentioned == set(S.values)
    assert S.SUBMITTED in TRANSITIONS[S.DRAFT]
    assert set(S.values) - set(TRANSITIONS) == TERMINAL


def test_a_move_records_who_when_from_to_and_note_and_emails_the_candidate(
    application, recruiter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        transition(application, S.SHORTLISTED, by=recruiter, note="Strong statement")
        transition(application, S.INTERVIEW, by=recruiter)
    change = ApplicationStatusChange.objects.filter(application=application).first()
    assert (change.from_status, change.to_status, change.by, change.note) == (
        S.SUBMITTED,
        S.SHORTLISTED,
        recruiter,
        "Strong statement",
    )
    # Shortlisting is internal; the interview invitation is the first thing they hear.
    assert len(mail.outbox) == 1
    assert "invite you to interview" in mail.outbox[0].body
    assert mail.outbox[0].to == [application.email]


def test_a_move_the_table_forbids_is_refused(application, recruiter):
    with pytest.raises(TransitionError, match="cannot be moved"):
        transition(application, S.HIRED, by=recruiter)
    application.refresh_from_db()
    assert application.status == S.SUBMITTED


def test_a_forbidden_move_posted_to_the_screen_gets_a_clear_message(
    application, client_for, recruiter
):
    client = client_for("recruiter")
    response = client.post(
        f"/recruitment/applications/{application.pk}/move/", {"to_status": "hired"}, follow=True
    )
    assert "not allowed" in response.content.decode()
    application.refresh_from_db()
    assert application.status == S.SUBMITTED


def test_cleared_is_impossible_while_a_required_check_is_outstanding(application, recruiter):
    walk(application, [S.SHORTLISTED, S.INTERVIEW, S.CONDITIONAL_OFFER, S.CHECKS], recruiter)
    checks = {c.kind: c for c in application.checks.all()}
    assert set(checks) == set(CheckKind.values)
    for kind, check in checks.items():
        if kind != CheckKind.DBS:
            record_check(
                check,
                status=CheckStatus.SATISFACTORY,
                checked_on=datetime.date.today(),
                note="",
                by=recruiter,
            )
    with pytest.raises(TransitionError, match="enhanced dbs"):
        transition(application, S.CLEARED, by=recruiter)
    record_check(
        checks[CheckKind.DBS],
        status=CheckStatus.SATISFACTORY,
        checked_on=datetime.date.today(),
        note="",
        by=recruiter,
    )
    transition(application, S.CLEARED, by=recruiter)
    assert application.status == S.CLEARED


def test_registration_check_is_not_required_for_roles_without_registration(index, recruiter):
    application = ApplicationFactory(vacancy=VacancyPageFactory(requires_swe_registration=False))
    walk(application, [S.SHORTLISTED, S.INTERVIEW, S.CONDITIONAL_OFFER, S.CHECKS], recruiter)
    swe = application.checks.get(kind=CheckKind.SWE)
    assert not swe.required and swe.is_done


def test_hire_creates_the_staff_record_adds_the_role_and_fires_the_signal(
    application, recruiter, django_capture_on_commit_callbacks
):
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
    received = []

    def listener(sender, application, staff_profile, **kwargs):
        received.append((sender, application.pk, staff_profile.pk))

    candidate_hired.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            profile = hire(application, by=recruiter, start_date=datetime.date(2027, 1, 4))
    finally:
        candidate_hired.disconnect(listener)
    profile = StaffProfile.objects.get(pk=profile.pk)
    vacancy = application.vacancy
    assert profile.user == application.candidate
    assert (profile.employment_type, profile.team, profile.start_date) == (
        vacancy.employment_type,
        vacancy.team,
        datetime.date(2027, 1, 4),
    )
    assert application.candidate.has_role("staff member")
    assert received == [(type(application), application.pk, profile.pk)]
    application.refresh_from_db()
    assert application.status == S.HIRED


def test_hire_links_an_existing_staff_record(make_user, index, recruiter):
    agency = make_user("staff member")
    application = ApplicationFactory(candidate=agency)
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
    before = StaffProfile.objects.get(user=agency).pk
    profile = hire(application, by=recruiter, start_date=datetime.date(2027, 2, 1))
    assert profile.pk == before
    assert StaffProfile.objects.filter(user=agency).count() == 1


def test_a_hiring_manager_sees_only_their_own_vacancies_and_anonymised_until_complete(
    make_user, client, index
):
    manager = make_user("hiring manager")
    mine = ApplicationFactory(vacancy=VacancyPageFactory(hiring_manager=manager))
    theirs = ApplicationFactory()
    client.force_login(manager)
    index_page = client.get("/recruitment/").content.decode()
    assert mine.vacancy.title in index_page
    assert client.get(f"/recruitment/applications/{theirs.pk}/").status_code == 404
    assert client.get(f"/recruitment/vacancies/{theirs.vacancy.pk}/").status_code == 404

    body = client.get(f"/recruitment/applications/{mine.pk}/").content.decode()
    assert mine.candidate_number in body
    for secret in [mine.first_name, mine.last_name, mine.email, mine.phone, mine.referee_1_email]:
        assert secret not in body
    assert client.get(f"/applications/{mine.pk}/cv/").status_code == 404
    pipeline = client.get(f"/recruitment/vacancies/{mine.vacancy.pk}/").content.decode()
    assert mine.last_name not in pipeline

    ShortlistingRecord.objects.create(vacancy=mine.vacancy, completed_by=manager)
    body = client.get(f"/recruitment/applications/{mine.pk}/").content.decode()
    assert mine.last_name in body
    assert client.get(f"/applications/{mine.pk}/cv/").status_code == 200


def test_shortlisting_cannot_be_completed_while_applications_wait(make_user, client, index):
    manager = make_user("hiring manager")
    application = ApplicationFactory(vacancy=VacancyPageFactory(hiring_manager=manager))
    client.force_login(manager)
    url = f"/recruitment/vacancies/{application.vacancy.pk}/shortlisting-complete/"
    client.post(url)
    assert not ShortlistingRecord.objects.filter(vacancy=application.vacancy).exists()
    transition(application, S.SHORTLISTED, by=manager)
    client.post(url)
    assert ShortlistingRecord.objects.filter(vacancy=application.vacancy).exists()


def test_hiring_managers_cannot_run_checks_or_hire(make_user, index):
    manager = make_user("hiring manager")
    application = ApplicationFactory(vacancy=VacancyPageFactory(hiring_manager=manager))
    walk(application, [S.SHORTLISTED, S.INTERVIEW, S.CONDITIONAL_OFFER], manager)
    with pytest.raises(TransitionError, match="not allowed"):
        transition(application, S.CHECKS, by=manager)


def test_staff_actions_refuse_people_without_the_role(client_for, application):
    client = client_for("content editor")
    vacancy = application.vacancy
    assert (
        client.post(f"/recruitment/vacancies/{vacancy.pk}/shortlisting-complete/").status_code
        == 403
    )
    assert client.post(f"/recruitment/vacancies/{vacancy.pk}/slots/", {}).status_code == 403
    assert (
        client.post(
            f"/recruitment/applications/{application.pk}/move/", {"to_status": "shortlisted"}
        ).status_code
        == 403
    )


def test_every_staff_view_of_an_application_is_logged(client_for, application):
    client = client_for("recruiter")
    client.get(f"/recruitment/applications/{application.pk}/")
    client.get(f"/applications/{application.pk}/cv/")
    entries = AccessLogEntry.objects.filter(object_id=str(application.pk), actor=client.user)
    assert sorted(entries.values_list("action", flat=True)) == ["download", "view"]


def test_a_recruiter_moves_through_the_screens_to_hired(
    client_for, application, django_capture_on_commit_callbacks
):
    client = client_for("recruiter")
    base = f"/recruitment/applications/{application.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        for status in ["shortlisted", "interview", "conditional_offer", "checks"]:
            assert client.post(f"{base}/move/", {"to_status": status}).status_code == 302
        for kind in CheckKind.values:
            client.post(
                f"{base}/checks/{kind}/", {"status": "satisfactory", "checked_on": "2026-11-01"}
            )
        client.post(f"{base}/move/", {"to_status": "cleared"})
        response = client.post(f"{base}/hire/", {"start_date": "2027-01-04"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.HIRED
    subjects = [m.subject for m in mail.outbox]
    assert any("hired" in s for s in subjects)


def test_interview_slots_are_booked_once_and_come_with_an_ics(
    client_for, make_user, index, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from vacancies.models import InterviewSlot

    candidate = make_user("candidate")
    application = ApplicationFactory(candidate=candidate)
    recruiter = make_user("recruiter")
    walk(application, [S.SHORTLISTED, S.INTERVIEW], recruiter)
    start = timezone.now() + datetime.timedelta(days=7)
    slot = InterviewSlot.objects.create(
        vacancy=application.vacancy,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        location="Civic Centre",
    )
    client = client_for(None)
    client.force_login(candidate)
    assert "Book your interview" in client.get(f"/applications/{application.pk}/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/applications/{application.pk}/interview/", {"slot": slot.pk})
    slot.refresh_from_db()
    assert slot.application == application
    ics = client.get(f"/applications/{application.pk}/interview.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in ics.content and b"Civic Centre" in ics.content
    assert mail.outbox[-1].attachments[0][0] == "interview.ics"
    # A second candidate cannot take the same slot.
    other = ApplicationFactory(vacancy=application.vacancy)
    walk(other, [S.SHORTLISTED, S.INTERVIEW], recruiter)
    client.force_login(other.candidate)
    client.post(f"/applications/{other.pk}/interview/", {"slot": slot.pk})
    slot.refresh_from_db()
    assert slot.application == application
