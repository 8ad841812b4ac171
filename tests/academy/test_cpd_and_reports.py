"""CPD records in Social Work England's shape, and L&D's reports and exports."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from academy.factories import CoursePageFactory, TrainingSessionFactory
from academy.models import AcademySettings, Completion, CpdEntry, MandatoryRule, registration_year
from academy.services import booking as service
from core.booking import BookingStatus

pytestmark = pytest.mark.django_db


def test_the_registration_year_follows_the_rules_held_as_data():
    rules = AcademySettings.load()
    assert registration_year(datetime.date(2026, 11, 30), rules) == (
        datetime.date(2025, 12, 1),
        datetime.date(2026, 11, 30),
    )
    assert registration_year(datetime.date(2026, 12, 1), rules)[0] == datetime.date(2026, 12, 1)
    rules.cpd_year_start_month = 4
    assert registration_year(datetime.date(2026, 5, 2), rules)[0] == datetime.date(2026, 4, 1)


def test_a_cpd_entry_cannot_be_marked_ready_without_reflection(client, staff):
    person = staff()
    client.force_login(person)
    response = client.post(
        reverse("academy:cpd_add"),
        {
            "title": "Reading on coercive control",
            "cpd_type": "reading",
            "activity_date": "2026-10-01",
            "status": "ready",
        },
    )
    assert response.status_code == 200
    assert "Fill this in before marking the entry ready" in response.content.decode()
    assert not CpdEntry.objects.exists()


def test_the_cpd_page_counts_progress_towards_renewal_and_exports(client, staff):
    person = staff()
    client.force_login(person)
    today = datetime.date.today()
    for n, peer in enumerate(["", "Discussed with a senior practitioner"]):
        client.post(
            reverse("academy:cpd_add"),
            {
                "title": f"=Entry {n}",
                "cpd_type": "course",
                "activity_date": today.isoformat(),
                "description": "Why it matters",
                "learning": "What I learnt",
                "impact": "What changed for families",
                "peer_reflection": peer,
                "status": "ready",
            },
        )
    page = client.get(reverse("academy:cpd")).content.decode()
    assert "You have enough recorded to renew" in page
    export = client.get(reverse("academy:cpd_export"))
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    assert rows[0][:3] == ["Date", "Title", "Type of CPD"]
    assert len(rows) == 3
    # Text that looks like a spreadsheet formula is neutralised.
    assert rows[1][1] == "'=Entry 0" or rows[2][1] == "'=Entry 0"


def test_someone_elses_cpd_entry_is_not_found(client, staff):
    entry = CpdEntry.objects.create(
        user=staff(), title="Private", cpd_type="reading", activity_date=datetime.date.today()
    )
    client.force_login(staff())
    assert client.get(reverse("academy:cpd_edit", args=[entry.pk])).status_code == 404


@pytest.fixture
def lead_client(client_for):
    return client_for("L&D lead")


def _report_data(staff, session_factory):
    session = session_factory(capacity=2)
    people = [staff() for _ in range(3)]
    for person in people:
        service.book(person, session)
    return session


def test_the_course_report_shows_fill_rates_and_waiting_lists(lead_client, staff, session_factory):
    session = _report_data(staff, session_factory)
    response = lead_client.get(reverse("academy:reports"))
    rows = {row["course"]: row for row in response.context["rows"]}
    row = rows[session.course.title]
    assert (row["capacity"], row["taken"], row["fill"], row["waiting"]) == (2, 2, 100.0, 1)


def test_session_report_exports_as_csv_and_xlsx(lead_client, staff, session_factory):
    session = _report_data(staff, session_factory)
    csv_response = lead_client.get(reverse("academy:report", args=["sessions"]), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(csv_response.content.decode())))
    assert rows[0][0] == "Course"
    assert rows[1][0] == session.course.title
    xlsx = lead_client.get(reverse("academy:report", args=["sessions"]), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.cell(row=2, column=1).value == session.course.title
    assert sheet.cell(row=2, column=6).value == 100.0


def test_very_large_xlsx_exports_are_built_in_the_background(
    lead_client, monkeypatch, staff, session_factory
):
    from academy.views import reports

    _report_data(staff, session_factory)
    monkeypatch.setattr(reports, "BACKGROUND_THRESHOLD", 0)
    response = lead_client.get(
        reverse("academy:report", args=["sessions"]), {"export": "xlsx"}, follow=True
    )
    assert "building it in the background" in response.content.decode()
    export = response.context["exports"][0]
    assert export.rows == 1  # eager Celery in tests: already built
    download = lead_client.get(reverse("academy:download_export", args=[export.pk]))
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    assert sheet.max_row == 2


def test_compliance_by_employment_type_counts_done_and_overdue(lead_client, staff):
    course = CoursePageFactory(title="Safeguarding level 3", renewal_months=36)
    course.mandatory_rules = [MandatoryRule(due_within_days=30)]
    course.save_revision().publish()
    done = staff(employment_type="agency", start_date=datetime.date(2025, 1, 6))
    staff(employment_type="agency", start_date=datetime.date(2025, 1, 6))  # overdue
    Completion.objects.create(
        user=done, course=course, completed_on=datetime.date.today(), source="recorded"
    )
    response = lead_client.get(
        reverse("academy:report", args=["compliance"]), {"group": "employment_type"}
    )
    agency = next(r for r in response.context["rows"] if r["group"] == "Agency (locum)")
    assert (agency["required"], agency["done"], agency["overdue"]) == (2, 1, 1)
    assert agency["compliance"] == 50.0


def test_no_shows_are_counted_per_session(lead_client, staff, session_factory, make_user):
    session = TrainingSessionFactory(capacity=5)
    booking = service.book(staff(), session)
    booking.status = BookingStatus.NO_SHOW
    booking.save()
    response = lead_client.get(reverse("academy:report", args=["sessions"]))
    row = next(r for r in response.context["rows"] if r["course"] == session.course.title)
    assert row["no_shows"] == 1
