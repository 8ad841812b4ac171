"""Information events: booking without an account, the .ics confirmation, full and past
events, reminders the day before, and cancelling by the link in the e-mail."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from core.booking import BookingStatus
from fostering.factories import EventBookingFactory, InformationEventFactory
from fostering.models import EventBooking
from fostering.services import booking_from_token, booking_token
from fostering.tasks import send_event_reminders

pytestmark = pytest.mark.django_db


def book(client, event, **overrides):
    data = {"name": "Jo Bloggs", "email": "jo@example.com", "phone": ""} | overrides
    return client.post(reverse("fostering:event_detail", args=[event.pk]), data, follow=True)


def test_the_list_shows_upcoming_events_and_hides_the_joining_link(client):
    event = InformationEventFactory()
    InformationEventFactory(
        title="Last month's event",
        starts_at=timezone.now() - datetime.timedelta(days=30),
        ends_at=timezone.now() - datetime.timedelta(days=30),
    )
    page = client.get(reverse("fostering:events")).content.decode()
    assert event.title in page
    assert "Last month" not in page
    detail = client.get(reverse("fostering:event_detail", args=[event.pk])).content.decode()
    assert event.joining_link not in detail


def test_booking_confirms_by_email_with_a_calendar_file_and_the_link(
    client, django_capture_on_commit_callbacks
):
    event = InformationEventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = book(client, event, phone="07700 900123")
    assert "Your place is booked" in response.content.decode()
    assert event.joining_link in response.content.decode()
    booking = EventBooking.objects.get()
    assert booking.status == BookingStatus.CONFIRMED and booking.phone == "07700 900123"
    (message,) = mail.outbox
    assert message.to == ["jo@example.com"]
    assert event.joining_link in message.body
    # The link names this booking.
    token = re.search(r"/fostering-events/booking/([^/\s]+)/", message.body).group(1)
    assert booking_from_token(token) == booking
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype == "text/calendar"
    calendar = Calendar.from_ical(content)
    (vevent,) = calendar.walk("VEVENT")
    assert vevent.decoded("dtstart") == event.starts_at
    assert str(vevent["location"]) == event.joining_link


def test_a_full_event_says_so_and_offers_the_next_one_with_places(client):
    full = InformationEventFactory(capacity=1)
    EventBookingFactory(session=full)
    nearly_full_later = InformationEventFactory(
        title="Later online evening",
        starts_at=full.starts_at + datetime.timedelta(days=7),
        ends_at=full.ends_at + datetime.timedelta(days=7),
    )
    page = client.get(reverse("fostering:event_detail", args=[full.pk])).content.decode()
    assert "this event is full" in page
    assert reverse("fostering:event_detail", args=[nearly_full_later.pk]) in page
    assert "Book my place" not in page
    response = book(client, full)
    text = response.content.decode()
    assert "full" in text
    assert reverse("fostering:event_detail", args=[nearly_full_later.pk]) in text
    assert full.bookings.count() == 1
    assert mail.outbox == []


def test_a_past_event_cannot_be_booked(client):
    past = InformationEventFactory(
        starts_at=timezone.now() - datetime.timedelta(hours=2),
        ends_at=timezone.now() - datetime.timedelta(hours=1),
    )
    response = book(client, past)
    assert "already started" in response.content.decode()
    assert not EventBooking.objects.exists()


def test_booking_twice_with_the_same_email_is_refused_and_keeps_the_first(client):
    event = InformationEventFactory()
    book(client, event)
    response = book(client, event, email="JO@example.com", name="Jo again")
    assert "already have a place" in response.content.decode()
    assert EventBooking.objects.get().name == "Jo Bloggs"


def test_the_emailed_link_cancels_the_place_and_frees_it(client):
    booking = EventBookingFactory(session=InformationEventFactory(capacity=1))
    url = reverse("fostering:manage_booking", args=[booking_token(booking)])
    response = client.post(url, follow=True)
    assert "Your place has been cancelled" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert booking.session.places_left() == 1
    assert booking.session.joining_link not in response.content.decode()


def test_a_tampered_link_explains_and_cancels_nothing(client):
    booking = EventBookingFactory()
    token = booking_token(booking)
    tampered = token[:-3] + ("abc" if token[-3:] != "abc" else "xyz")
    for method in (client.get, client.post):
        response = method(reverse("fostering:manage_booking", args=[tampered]))
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
        assert "Nothing has been cancelled" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_reminders_go_the_day_before_once_only():
    now = timezone.make_aware(datetime.datetime(2026, 12, 1, 9, 0))
    tomorrow = now + datetime.timedelta(days=1, hours=9)
    event = InformationEventFactory(
        starts_at=tomorrow, ends_at=tomorrow + datetime.timedelta(hours=1)
    )
    later = InformationEventFactory(
        starts_at=tomorrow + datetime.timedelta(days=2),
        ends_at=tomorrow + datetime.timedelta(days=2, hours=1),
    )
    EventBookingFactory(session=event, email="a@example.com")
    EventBookingFactory(session=event, email="b@example.com", status=BookingStatus.CANCELLED)
    EventBookingFactory(session=later, email="c@example.com")
    assert send_event_reminders(now.isoformat()) == 1
    assert send_event_reminders(now.isoformat()) == 0
    (message,) = mail.outbox
    assert message.to == ["a@example.com"]
    assert "tomorrow" in message.body


def test_an_event_in_person_shows_its_address_before_booking(client):
    event = InformationEventFactory(in_person=True)
    detail = client.get(reverse("fostering:event_detail", args=[event.pk])).content.decode()
    assert "Civic Centre, Civic Centre Road, Southampton SO14 7LY" in detail


def test_cancelling_an_event_tells_everyone_booked_once_and_offers_the_next(
    client, django_capture_on_commit_callbacks
):
    event = InformationEventFactory(title="Thursday evening session")
    later = InformationEventFactory(
        title="Saturday coffee morning",
        starts_at=event.starts_at + datetime.timedelta(days=9),
        ends_at=event.ends_at + datetime.timedelta(days=9),
    )
    first = EventBookingFactory(session=event, email="first@example.com")
    second = EventBookingFactory(session=event, email="second@example.com")
    gone = EventBookingFactory(
        session=event, email="gone@example.com", status=BookingStatus.CANCELLED
    )
    event.is_cancelled = True
    with django_capture_on_commit_callbacks(execute=True):
        event.save()
    assert sorted(m.to[0] for m in mail.outbox) == ["first@example.com", "second@example.com"]
    message = mail.outbox[0]
    assert "Cancelled: Thursday evening session" in message.subject
    assert "Saturday coffee morning" in message.body
    assert reverse("fostering:event_detail", args=[later.pk]) in message.body
    assert event.joining_link not in message.body
    # The booker's own link now shows the place as cancelled.
    page = client.get(reverse("fostering:manage_booking", args=[booking_token(first)]))
    assert "Cancel my place" not in page.content.decode()
    # Saving the cancelled event again (say, to correct its title) sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        event.save()
    assert len(mail.outbox) == 2
    gone.refresh_from_db()
    second.refresh_from_db()
    assert second.status == BookingStatus.CANCELLED and gone.cancelled_at is None


def test_the_event_list_shows_places_left_in_the_same_queries_however_many_events(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def listing():
        with CaptureQueriesContext(connection) as ctx:
            html = client.get(reverse("fostering:events")).content.decode()
        return html, len(ctx.captured_queries)

    event = InformationEventFactory(capacity=3)
    EventBookingFactory.create_batch(2, session=event)
    listing()  # warm the caches every page shares (menus, settings)
    html, few = listing()
    assert "1 left" in html
    for _ in range(8):
        EventBookingFactory(session=InformationEventFactory(capacity=1))
    html, many = listing()
    assert html.count("Full") == 8 and "1 left" in html
    assert many == few
