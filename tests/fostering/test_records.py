"""Reports and exports, preparation training, and personal data (export, erasure, retention)."""

import datetime
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core.booking import BookingStatus
from core.privacy import erase_account
from fostering.factories import (
    EventBookingFactory,
    FosteringCaseFactory,
    PreparationSessionFactory,
    advance,
)
from fostering.models import FosteringCase, FosteringRules, PreparationSession
from fostering.pipeline import Stage
from fostering.services import add_household_member, book_preparation_place, move_case
from fostering.tasks import anonymise_closed_enquiries

pytestmark = pytest.mark.django_db

JAN = timezone.make_aware(datetime.datetime(2026, 1, 12, 10, 0))
FEB = timezone.make_aware(datetime.datetime(2026, 2, 9, 10, 0))


@pytest.fixture
def pipeline(make_user):
    worker = make_user("fostering team")
    a = FosteringCaseFactory(enquired_at=JAN, source="information_event")
    b = FosteringCaseFactory(enquired_at=JAN, source="website")
    c = FosteringCaseFactory(enquired_at=FEB, source="website")
    move_case(a, Stage.INITIAL_CALL, by=worker, now=JAN + datetime.timedelta(days=1))
    advance(a, Stage.INITIAL_VISIT, by=worker, now=JAN + datetime.timedelta(days=5))
    move_case(b, Stage.INITIAL_CALL, by=worker, now=JAN + datetime.timedelta(days=3))
    move_case(
        b,
        Stage.WITHDRAWN,
        by=worker,
        note="Not the right time",
        now=JAN + datetime.timedelta(days=9),
    )
    move_case(
        c,
        Stage.NOT_PROGRESSED,
        by=worker,
        note="No spare bedroom",
        now=FEB + datetime.timedelta(days=2),
    )
    return a, b, c


def test_reports_show_sources_conversion_medians_and_reasons(client_for, pipeline):
    text = client_for("fostering team").get(reverse("fostering:reports")).content.decode()
    assert "January 2026" in text and "February 2026" in text
    assert "An information event" in text
    assert "66.7" in text  # 2 of 3 enquiries reached the initial call
    assert "Not the right time" in text and "No spare bedroom" in text


def test_the_report_downloads_as_csv_and_xlsx(client_for, pipeline):
    client = client_for("fostering team")
    csv_text = client.get(reverse("fostering:report_export", args=["csv"])).content.decode()
    assert "Median days between stages" in csv_text
    assert "Enquiry,Initial call,2,2.0" in csv_text
    response = client.get(reverse("fostering:report_export", args=["xlsx"]))
    book = load_workbook(io.BytesIO(response.content))
    assert "Conversion at each stage" in book.sheetnames
    rows = list(book["Conversion at each stage"].values)
    assert rows[1] == ("Enquiry", 3, 100.0)


def test_training_bookings_and_attendance_on_the_shared_booking_engine(client_for):
    client = client_for("fostering team")
    session = PreparationSessionFactory(capacity=1)
    first, second = FosteringCaseFactory(), FosteringCaseFactory()
    response = client.post(
        reverse("fostering:case_book_training", args=[first.pk]),
        {"session": session.pk},
        follow=True,
    )
    assert "place confirmed" in response.content.decode()
    waiting = book_preparation_place(session, second)
    assert waiting.status == BookingStatus.WAITLISTED
    booking = first.training_bookings.get()
    # The session takes place: attendance can be recorded from its start.
    PreparationSession.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=1)
    )
    response = client.post(
        reverse("fostering:session_register", args=[session.pk]),
        {"booking": booking.pk, "attended": "attended"},
        follow=True,
    )
    assert "Attendance recorded" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.ATTENDED
    assert booking.moved_by == client.user and booking.last_move == "attended"


def test_the_enquirer_downloads_their_fostering_data(client, make_user):
    user = make_user("foster enquirer", email="data@example.com")
    case = FosteringCaseFactory(user=user, email="data@example.com")
    add_household_member(case, name="Kit Example", relationship="partner")
    EventBookingFactory(email="data@example.com")
    client.force_login(user)
    data = json.loads(client.get(reverse("accounts:download_data")).content)
    assert data["fostering"]["cases"][0]["reference"] == case.reference
    assert data["fostering"]["cases"][0]["household_members"][0]["name"] == "Kit Example"
    assert len(data["fostering"]["information_event_bookings"]) == 1


def test_deleting_an_account_anonymises_an_early_enquiry_but_keeps_an_assessment(make_user):
    user = make_user("foster enquirer", email="gone@example.com")
    early = FosteringCaseFactory(user=user, email="gone@example.com")
    worker = make_user("fostering team")
    assessed = FosteringCaseFactory(user=user, email="gone@example.com", stage=Stage.STAGE_TWO)
    move_case(early, Stage.WITHDRAWN, by=worker, note="Moved away")
    erase_account(user)
    early.refresh_from_db()
    assessed.refresh_from_db()
    assert early.first_name == "Anonymised" and "gone@" not in early.email
    assert assessed.email == "gone@example.com" and assessed.user is None


def test_withdrawn_enquiries_are_anonymised_after_the_retention_period(make_user):
    worker = make_user("fostering team")
    rules = FosteringRules.load()
    rules.retention_days_after_closure = 90
    rules.save()
    old = FosteringCaseFactory(first_name="Oldest", postcode="SO17 1BJ")
    long_ago = JAN - datetime.timedelta(days=30)
    old_booking = EventBookingFactory(
        email="old@example.com",
        session__starts_at=long_ago,
        session__ends_at=long_ago + datetime.timedelta(hours=1),
    )
    recent_booking = EventBookingFactory(email="recent@example.com")
    recent = FosteringCaseFactory(first_name="Recent")
    approved = FosteringCaseFactory(first_name="Approved", stage=Stage.AGENCY_DECISION)
    move_case(old, Stage.WITHDRAWN, by=worker, note="Health", now=JAN)
    move_case(
        recent,
        Stage.WITHDRAWN,
        by=worker,
        note="Health",
        now=timezone.make_aware(datetime.datetime(2026, 5, 1)),
    )
    advance(approved, Stage.APPROVED, by=worker, now=JAN)
    assert anonymise_closed_enquiries("2026-05-15") == 1
    assert anonymise_closed_enquiries("2026-05-15") == 0
    old.refresh_from_db()
    assert old.first_name == "Anonymised" and old.postcode == "SO17"
    assert old.closed_reason == "Health"  # the reports still count why
    assert FosteringCase.objects.get(pk=recent.pk).first_name == "Recent"
    assert (
        old_booking.__class__.objects.get(pk=old_booking.pk).email == "anonymised@invalid.example"
    )
    assert recent_booking.__class__.objects.get(pk=recent_booking.pk).email == "recent@example.com"
    assert FosteringCase.objects.get(pk=approved.pk).first_name == "Approved"


def test_the_reports_narrow_to_a_period_and_the_export_follows(client_for, pipeline):
    client = client_for("fostering team")
    text = client.get(reverse("fostering:reports"), {"since": "2026-02-01"}).content.decode()
    assert "February 2026" in text and "January 2026" not in text
    csv_text = client.get(
        reverse("fostering:report_export", args=["csv"]), {"until": "2026-01-31"}
    ).content.decode()
    assert "January 2026" in csv_text and "February 2026" not in csv_text
    wrong = client.get(reverse("fostering:reports"), {"since": "2026-03-01", "until": "2026-01-01"})
    assert "on or after its start" in wrong.content.decode()
