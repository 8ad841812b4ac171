"""Reminders by Celery beat, the .ics download and the personal calendar feed."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from academy.models import Booking
from academy.services import booking as service
from academy.tasks import send_reminders
from academy.views.public import feed_token
from core.booking import BookingStatus

pytestmark = pytest.mark.django_db


def _booked(staff, session_factory, days, booked_days_before):
    session = session_factory(days=days)
    person = staff()
    booking = service.book(person, session)
    Booking.objects.filter(pk=booking.pk).update(
        created_at=session.starts_at - datetime.timedelta(days=booked_days_before)
    )
    return booking


def test_reminders_go_seven_days_and_one_day_before_and_only_once(staff, session_factory):
    booking = _booked(staff, session_factory, days=20, booked_days_before=30)
    starts = booking.session.starts_at
    mail.outbox.clear()
    assert send_reminders((starts - datetime.timedelta(days=8)).isoformat()) == 0
    seven = (starts - datetime.timedelta(days=7) + datetime.timedelta(minutes=5)).isoformat()
    assert send_reminders(seven) == 1
    assert send_reminders(seven) == 0  # run again: nothing more is sent
    assert len(mail.outbox) == 1
    reminder = mail.outbox[0]
    assert reminder.subject.startswith("Reminder: ")
    assert reminder.attachments[0][0].endswith(".ics")
    one = (starts - datetime.timedelta(hours=23)).isoformat()
    assert send_reminders(one) == 1
    assert send_reminders(one) == 0
    assert len(mail.outbox) == 2


def test_after_an_outage_only_the_nearest_reminder_is_sent(staff, session_factory):
    booking = _booked(staff, session_factory, days=20, booked_days_before=30)
    mail.outbox.clear()
    late = (booking.session.starts_at - datetime.timedelta(hours=20)).isoformat()
    assert send_reminders(late) == 1
    assert send_reminders(late) == 0
    assert len(mail.outbox) == 1


def test_cancelled_places_get_no_reminder(staff, session_factory):
    booking = _booked(staff, session_factory, days=20, booked_days_before=30)
    Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.CANCELLED)
    mail.outbox.clear()
    assert send_reminders((booking.session.starts_at - datetime.timedelta(days=1)).isoformat()) == 0
    assert mail.outbox == []


def test_a_booking_downloads_as_an_ics_event(client, staff, session_factory):
    person = staff()
    booking = service.book(person, session_factory())
    client.force_login(person)
    response = client.get(reverse("academy:booking_calendar", args=[booking.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == booking.session.course.title
    assert event.decoded("dtstart") == booking.session.starts_at
    assert calendar.walk("VTIMEZONE"), "the Europe/London zone is included"


def test_the_personal_feed_lists_my_places_and_a_forged_token_gets_nothing(
    client, staff, session_factory
):
    person = staff()
    mine = service.book(person, session_factory())
    theirs = service.book(staff(), session_factory())
    response = client.get(reverse("academy:calendar_feed", args=[feed_token(person)]))
    assert response.status_code == 200
    summaries = [str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]
    assert summaries == [mine.session.course.title]
    assert theirs.session.course.title not in summaries
    forged = f"{person.pk}:not-a-real-signature"
    assert client.get(reverse("academy:calendar_feed", args=[forged])).status_code == 404
