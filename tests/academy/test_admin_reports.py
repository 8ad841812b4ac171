"""L&D's per-row reports in the Wagtail admin: sessions, and mandatory training by
person, with filters and Wagtail's CSV and XLSX export, for L&D leads only."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from academy.factories import CoursePageFactory
from academy.models import Completion, MandatoryRule
from academy.services import booking as service
from accounts.factories import LocalityFactory, TeamFactory
from accounts.roles import Role
from core.booking import BookingStatus

pytestmark = pytest.mark.django_db

SESSIONS = "/admin/academy-reports/sessions/"
COMPLIANCE = "/admin/academy-reports/compliance/"


@pytest.fixture
def lead(client_for):
    return client_for(Role.LD_LEAD)


def _csv(response):
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def _full_session_with_a_waiting_list(staff, session_factory):
    session = session_factory(capacity=2)
    session.course.title = "Motivational interviewing: the basics"
    session.course.save()
    places = [service.book(staff(), session) for _ in range(2)]
    service.book(staff(), session)  # waiting list
    places[1].status = BookingStatus.NO_SHOW
    places[1].save()
    quiet = session_factory(days=30, capacity=4)
    service.book(staff(), quiet)
    return session, quiet


def test_the_sessions_report_shows_fill_rate_waiting_list_and_no_shows(
    lead, staff, session_factory
):
    session, quiet = _full_session_with_a_waiting_list(staff, session_factory)
    response = lead.get(SESSIONS)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Motivational interviewing: the basics" in page
    assert "Fill rate (%)" in page

    rows = _csv(lead.get(SESSIONS, {"export": "csv"}))
    by_course = {row["Course"]: row for row in rows}
    full = by_course["Motivational interviewing: the basics"]
    assert (full["Places"], full["Booked"], full["Fill rate (%)"]) == ("2", "2", "100.0")
    assert (full["Waiting list"], full["No-shows"]) == ("1", "1")
    assert full["Starts"] == timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M")
    assert by_course[quiet.course.title]["Fill rate (%)"] == "25.0"


def test_the_sessions_report_filters_by_course_and_waiting_list_and_exports_xlsx(
    lead, staff, session_factory
):
    session, quiet = _full_session_with_a_waiting_list(staff, session_factory)
    rows = _csv(lead.get(SESSIONS, {"export": "csv", "has_waiting_list": "true"}))
    assert [row["Course"] for row in rows] == [session.course.title]
    rows = _csv(lead.get(SESSIONS, {"export": "csv", "course": quiet.course.pk}))
    assert [row["Course"] for row in rows] == [quiet.course.title]

    response = lead.get(SESSIONS, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.values)
    assert values[0][:3] == ("Course", "Format", "Starts")
    assert {row[0] for row in values[1:]} == {session.course.title, quiet.course.title}
    starts = next(row[2] for row in values[1:] if row[0] == session.course.title)
    assert starts == timezone.make_naive(session.starts_at)  # UK time, not UTC


def _mandatory(title, **rule):
    course = CoursePageFactory(title=title, renewal_months=12)
    course.mandatory_rules = [MandatoryRule(due_within_days=30, **rule)]
    course.save_revision().publish()
    return course


def test_compliance_by_person_filters_by_team_locality_and_employment_type(lead, staff):
    course = _mandatory("Safeguarding children level 3")
    east = LocalityFactory(name="East")
    team = TeamFactory(name="Family Safeguarding East", locality=east)
    done = staff(team=team, locality=east, employment_type="agency")
    done.first_name, done.last_name = "Ada", "Done"
    done.save()
    Completion.objects.create(
        user=done, course=course, completed_on=timezone.localdate(), source="recorded"
    )
    late = staff(team=team, locality=east, employment_type="permanent")
    late.first_name, late.last_name = "Lee", "Late"
    late.save()
    elsewhere = staff()  # another team, also overdue

    rows = _csv(lead.get(COMPLIANCE, {"export": "csv", "team": team.pk}))
    by_name = {row["Name"]: row for row in rows}
    assert set(by_name) == {"Ada Done", "Lee Late"}
    assert (by_name["Ada Done"]["Overdue"], by_name["Ada Done"]["Compliance (%)"]) == ("0", "100.0")
    assert by_name["Lee Late"]["Overdue courses"] == "Safeguarding children level 3"

    filters = {"locality": east.pk, "employment_type": "agency"}
    rows = _csv(lead.get(COMPLIANCE, {"export": "csv", **filters}))
    assert [row["Name"] for row in rows] == ["Ada Done"]

    rows = _csv(lead.get(COMPLIANCE, {"export": "csv", "standing": "overdue"}))
    names = {row["Name"] for row in rows}
    assert "Lee Late" in names and str(elsewhere) in names and "Ada Done" not in names

    page = lead.get(COMPLIANCE, {"team": team.pk}).content.decode()
    assert "Lee Late" in page and str(elsewhere) not in page


def test_only_roles_with_the_academy_reports_see_them_in_the_reports_menu(client_for):
    lead = client_for(Role.LD_LEAD)
    page = lead.get("/admin/").content.decode()
    assert SESSIONS in page and COMPLIANCE in page
    trainer = client_for(Role.TRAINER)
    page = trainer.get("/admin/").content.decode()
    assert SESSIONS not in page and COMPLIANCE not in page
    response = trainer.get(SESSIONS, {"export": "csv"})
    assert response.status_code == 302
    assert "text/csv" not in response.get("Content-Type", "")


def test_a_start_date_long_ago_is_overdue_only_after_its_grace_period(lead, staff):
    _mandatory("Trauma-informed practice")
    newcomer = staff(start_date=timezone.localdate() - datetime.timedelta(days=10))
    rows = _csv(lead.get(COMPLIANCE, {"export": "csv"}))
    row = next(r for r in rows if r["Name"] == str(newcomer))
    assert (row["To do (not yet overdue)"], row["Overdue"]) == ("1", "0")


def test_the_sessions_export_costs_the_same_few_queries_for_many_sessions(
    lead, staff, session_factory, django_assert_max_num_queries
):
    for days in range(10, 22):
        session_factory(days=days, venue="", online_link="https://meet.example/room")
    lead.get(SESSIONS)  # warm the session and permission caches
    with django_assert_max_num_queries(12):
        rows = _csv(lead.get(SESSIONS, {"export": "csv"}))
    assert len(rows) == 12 and {row["Where"] for row in rows} == {"Online"}


def test_the_filter_fragment_lists_only_the_matching_people(lead, staff):
    _mandatory("Safeguarding children level 3")
    team = TeamFactory(name="Jigsaw")
    member = staff(team=team)
    outsider = staff()
    response = lead.get(COMPLIANCE + "results/", {"team": team.pk})
    assert response.status_code == 200
    fragment = response.content.decode()
    assert str(member) in fragment and str(outsider) not in fragment
    assert "<html" not in fragment
