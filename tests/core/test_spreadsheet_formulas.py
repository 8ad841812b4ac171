"""Text that looks like a spreadsheet formula leaves every export as text (OWASP's CSV
injection guidance), whichever writer made the file: the admin's registers and reports
(Wagtail's exports) and the portal's own downloads."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from fostering.factories import InformationEventFactory
from fostering.models import EventBooking, FosteringCase
from tests.fostering.test_enquiry import enquire
from tests.fostering.test_events import book

pytestmark = pytest.mark.django_db


def _cells(response, fmt):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        return [cell for row in csv.reader(io.StringIO(content.decode())) for cell in row]
    workbook = load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook for row in sheet.values for cell in row]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_public_enquiry_named_like_a_formula_leaves_the_case_export_as_text(
    client, client_for, fmt
):
    enquire(client, first_name="=1+1", last_name="@SUM(A1)", email="formula@example.com")
    assert FosteringCase.objects.filter(first_name="=1+1").exists()

    response = client_for("fostering team").get(f"/admin/fostering-cases/?export={fmt}")

    cells = _cells(response, fmt)
    assert "'=1+1" in cells and "'@SUM(A1)" in cells
    assert "=1+1" not in cells and "@SUM(A1)" not in cells


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_event_booking_phone_like_a_formula_leaves_the_bookings_export_as_text(
    client, client_for, fmt
):
    book(client, InformationEventFactory(), phone="+44 =2+5", name="-2+3")
    assert EventBooking.objects.filter(phone="+44 =2+5").exists()

    response = client_for("fostering team").get(
        f"/admin/snippets/fostering/eventbooking/?export={fmt}"
    )

    cells = _cells(response, fmt)
    assert "'+44 =2+5" in cells and "'-2+3" in cells
    assert "+44 =2+5" not in cells


def test_a_cpd_title_like_a_formula_leaves_the_cpd_export_as_text(client_for):
    from academy.models import CpdEntry

    client = client_for("staff member")
    CpdEntry.objects.create(
        user=client.user,
        title='\t=HYPERLINK("http://example.com")',
        cpd_type="reading",
        activity_date=datetime.date(2026, 11, 3),
    )

    cells = _cells(client.get(reverse("academy:cpd_export")), "csv")

    assert '\'\t=HYPERLINK("http://example.com")' in cells


def test_the_academy_figures_go_through_the_one_writer(client_for):
    from academy.factories import TrainingSessionFactory

    session = TrainingSessionFactory()
    session.course.title = "=cmd|' /C calc'!A0"
    session.course.save()

    response = client_for("L&D lead").get(
        reverse("academy:report", kwargs={"report": "courses"}), {"export": "xlsx"}
    )

    cells = _cells(response, "xlsx")
    assert "'=cmd|' /C calc'!A0" in cells


def test_the_portal_writes_spreadsheets_in_one_place():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    writers = ("csv.writer(", "csv.DictWriter(", "Workbook(")
    elsewhere = [
        str(path.relative_to(root))
        for folder in ("site", "vacancies", "academy", "fostering")
        for path in (root / folder).rglob("*.py")
        if path.name != "spreadsheets.py" and any(w in path.read_text() for w in writers)
    ]
    assert elsewhere == []
