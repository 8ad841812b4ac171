import csv
import datetime
import io

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone

from academy.dashboard import take_compliance_snapshot
from academy.factories import CoursePageFactory, staff_user
from academy.models import Completion, ComplianceSnapshot, MandatoryRule
from accounts.factories import JobRoleFactory, TeamFactory
from accounts.roles import Role
from core.spreadsheets import XLSX_CONTENT_TYPE
from tests.conftest import give_totp

DASHBOARD = "/training/dashboard/"


@pytest.fixture
def service(db):
    course = CoursePageFactory(title="Safeguarding", renewal_months=12)
    social_worker = JobRoleFactory(name="Advanced practitioner")
    course.mandatory_rules = [MandatoryRule(job_role=social_worker, due_within_days=30)]
    course.save_revision().publish()
    jigsaw = TeamFactory(name="Jigsaw")
    north = TeamFactory(name="North locality team")
    manager = staff_user(roles=["staff member", Role.LINE_MANAGER], profile={"team": jigsaw})
    give_totp(manager)
    long_ago = datetime.date(2024, 1, 8)
    people = {
        "permanent": staff_user(
            profile={
                "team": jigsaw,
                "employment_type": "permanent",
                "line_manager": manager,
                "start_date": long_ago,
                "job_role": social_worker,
            }
        ),
        "agency": staff_user(
            profile={
                "team": jigsaw,
                "employment_type": "agency",
                "line_manager": manager,
                "start_date": long_ago,
                "job_role": social_worker,
            }
        ),
        "north": staff_user(
            profile={
                "team": north,
                "employment_type": "permanent",
                "start_date": long_ago,
                "job_role": social_worker,
            }
        ),
    }
    today = timezone.localdate()
    # Two months ago nobody was in date.
    take_compliance_snapshot(today - relativedelta(months=2))
    for key in ("permanent", "north"):
        Completion.objects.create(
            user=people[key], course=course, completed_on=today, source="recorded"
        )
    take_compliance_snapshot(today)
    return {"course": course, "manager": manager, **people}


def _lead():
    lead = staff_user(roles=["staff member", Role.LD_LEAD])
    give_totp(lead)
    return lead


def _rows(response):
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_ld_lead_sees_the_compliance_trend_chart_table_and_exports_it(client, service):
    client.force_login(_lead())
    page = client.get(DASHBOARD).content.decode()
    assert "Compliance month by month" in page
    assert 'src="data:image/svg+xml;base64,' in page
    assert 'alt="Chart: Compliance month by month.' in page
    today = timezone.localdate()
    then = today - relativedelta(months=2)
    assert f"{today:%B %Y}" in page and f"{then:%B %Y}" in page
    assert f"Mandatory training compliance was 66.7% in {today:%B %Y}, up from 0% in" in page
    # Permanent and agency side by side, for every team.
    assert "Permanent (%)" in page and "Agency (locum) (%)" in page
    assert "North locality team" in page

    rows = _rows(client.get(DASHBOARD, {"export": "csv", "table": "trend"}))
    assert rows[1][0] == "Month"
    data = {row[0]: row for row in rows[2:] if row}
    assert data[f"{today:%B %Y}"][2:] == ["3", "2", "66.7"]
    assert data[f"{then:%B %Y}"][2:] == ["3", "0", "0.0"]
    xlsx = client.get(DASHBOARD, {"export": "xlsx", "table": "team"})
    assert xlsx["Content-Type"] == XLSX_CONTENT_TYPE
    assert client.get(DASHBOARD, {"export": "csv", "table": "nope"}).status_code == 404


def test_the_trend_survives_staff_leaving(client, service):
    service["north"].staff_profile.end_date = timezone.localdate() - datetime.timedelta(days=1)
    service["north"].staff_profile.save()
    before = ComplianceSnapshot.objects.filter(
        month__lt=timezone.localdate().replace(day=1)
    ).count()
    take_compliance_snapshot()
    # Past months are untouched; only the current month is refreshed.
    assert (
        ComplianceSnapshot.objects.filter(month__lt=timezone.localdate().replace(day=1)).count()
        == before
    )
    client.force_login(_lead())
    rows = _rows(client.get(DASHBOARD, {"export": "csv", "table": "trend"}))
    today = timezone.localdate()
    data = {row[0]: row for row in rows[2:] if row}
    assert data[f"{today:%B %Y}"][2:] == ["2", "1", "50.0"]


def test_a_line_manager_sees_only_their_teams(client, service):
    client.force_login(service["manager"])
    page = client.get(DASHBOARD).content.decode()
    assert "Your team's training dashboard" in page
    assert "Jigsaw" in page
    assert "North locality team" not in page
    rows = _rows(client.get(DASHBOARD, {"export": "csv", "table": "team"}))
    assert [row[0] for row in rows[2:] if row] == ["Jigsaw"]
    # Permanent 100%, agency 0%: side by side in one row.
    assert rows[2][2:4] == ["100.0", "0.0"]


def test_check_pass_rates_and_programme_progress_are_shown(client, service):
    from academy.factories import ELearningModulePageFactory, ProgrammeFactory
    from academy.models import CheckAttempt, CourseFormat, Enrolment

    course = CoursePageFactory(format=CourseFormat.E_LEARNING)
    module = ELearningModulePageFactory(parent=course, title="Motivational Interviewing")
    now = timezone.now()
    for passed in (False, True):
        CheckAttempt.objects.create(
            user=service["agency"],
            module=module,
            pass_mark=75,
            questions=[],
            submitted_at=now,
            score=1,
            passed=passed,
        )
    programme = ProgrammeFactory(name="Corporate induction")
    Enrolment.objects.create(user=service["agency"], programme=programme, starts_on=now.date())
    client.force_login(_lead())
    rows = _rows(client.get(DASHBOARD, {"export": "csv", "table": "checks"}))
    assert rows[2] == ["Motivational Interviewing", "2", "1", "1", "50.0", "2.0"]
    rows = _rows(client.get(DASHBOARD, {"export": "csv", "table": "programmes"}))
    assert rows[2] == ["Corporate induction", "1", "0", "1", "0.0"]
    assert "Corporate induction: 0 of 1 completed" in client.get(DASHBOARD).content.decode()


def test_staff_without_a_team_to_manage_cannot_see_the_dashboard(client, db):
    client.force_login(staff_user())
    assert client.get(reverse("academy:dashboard")).status_code == 403


def test_fill_rate_waiting_lists_and_no_shows_by_month(client, service, session_factory):
    from core.booking import BookingStatus

    session = session_factory(days=-3, capacity=2)
    for person, status in (
        (service["permanent"], BookingStatus.ATTENDED),
        (service["agency"], BookingStatus.NO_SHOW),
        (service["north"], BookingStatus.WAITLISTED),
    ):
        session.bookings.create(user=person, status=status)
    client.force_login(_lead())
    rows = _rows(client.get(DASHBOARD, {"export": "csv", "table": "bookings"}))
    month = f"{timezone.localtime(session.starts_at):%B %Y}"
    data = {row[0]: row for row in rows[2:] if row}
    assert data[month][1:] == ["2", "2", "100.0", "1", "1", "50.0"]
    # A line manager sees their own people's bookings only (the north team's is not).
    client.force_login(service["manager"])
    rows = _rows(client.get(DASHBOARD, {"export": "csv", "table": "bookings"}))
    data = {row[0]: row for row in rows[2:] if row}
    assert data[month][2] == "2" and data[month][4] == "0"
