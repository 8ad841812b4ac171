"""Booking, cancelling, the waiting list and offers, as a member of staff sees them."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from academy.models import AcademySettings, Booking, Completion
from academy.services import booking as service
from academy.tasks import pass_on_lapsed_offers
from accounts.models import EmploymentType
from core.booking import BookingError, BookingStatus

pytestmark = pytest.mark.django_db


def _client(client, user):
    client.force_login(user)
    return client


def test_agency_staff_book_exactly_as_permanent_staff_do(
    client, staff, session_factory, django_capture_on_commit_callbacks
):
    session = session_factory(capacity=2)
    agency = staff(employment_type=EmploymentType.AGENCY)
    with django_capture_on_commit_callbacks(execute=True):
        response = _client(client, agency).post(
            reverse("academy:book", args=[session.pk]), follow=True
        )
    booking = Booking.objects.get(user=agency)
    assert booking.status == BookingStatus.CONFIRMED
    assert "Your place is booked" in response.content.decode()
    assert mail.outbox[-1].to == [agency.email]
    assert "confirmed" in mail.outbox[-1].subject


def test_confirmation_email_carries_a_calendar_file_with_the_session(
    staff, session_factory, django_capture_on_commit_callbacks
):
    from icalendar import Calendar

    session = session_factory(online_link="https://meet.example/abc", venue="")
    person = staff()
    with django_capture_on_commit_callbacks(execute=True):
        service.book(person, session)
    message = mail.outbox[-1]
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics")
    assert mimetype.startswith("text/calendar")
    event = next(iter(Calendar.from_ical(content).walk("VEVENT")))
    assert str(event["summary"]) == session.course.title
    assert event.decoded("dtstart") == session.starts_at
    # People with a place see the joining link.
    assert "https://meet.example/abc" in str(event["description"])


def test_booking_twice_is_refused_and_changes_nothing(client, staff, session_factory):
    session = session_factory()
    person = staff()
    service.book(person, session)
    response = _client(client, person).post(reverse("academy:book", args=[session.pk]), follow=True)
    assert "You already have a place on this session." in response.content.decode()
    assert Booking.objects.filter(user=person).count() == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"is_cancelled": True}, "This session has been cancelled."),
        ({"days": -1}, "already started"),
        ({"booking_closes_at_days": -1}, "Booking for this session has closed."),
        ({"booking_opens_at_days": 3}, "Booking opens on"),
    ],
)
def test_closed_past_or_cancelled_sessions_cannot_be_booked(
    client, staff, session_factory, change, message
):
    now = timezone.now()
    kwargs = {}
    if "booking_closes_at_days" in change:
        kwargs["booking_closes_at"] = now + datetime.timedelta(
            days=change["booking_closes_at_days"]
        )
    if "booking_opens_at_days" in change:
        kwargs["booking_opens_at"] = now + datetime.timedelta(days=change["booking_opens_at_days"])
    if "is_cancelled" in change:
        kwargs["is_cancelled"] = True
    session = session_factory(days=change.get("days", 14), **kwargs)
    person = staff()
    response = _client(client, person).post(reverse("academy:book", args=[session.pk]), follow=True)
    assert message in response.content.decode()
    assert not Booking.objects.exists()


def test_a_full_session_puts_people_on_the_waiting_list(client, staff, session_factory):
    session = session_factory(capacity=1)
    service.book(staff(), session)
    late = staff()
    response = _client(client, late).post(reverse("academy:book", args=[session.pk]), follow=True)
    assert "you are on the waiting list" in response.content.decode()
    assert Booking.objects.get(user=late).status == BookingStatus.WAITLISTED


def test_a_missing_prerequisite_is_explained_and_nothing_is_booked(client, staff, session_factory):
    foundation = session_factory().course
    session = session_factory()
    session.course.prerequisites.add(foundation)
    session.course.save_revision().publish()
    person = staff()
    response = _client(client, person).post(reverse("academy:book", args=[session.pk]), follow=True)
    assert f"You need to complete “{foundation.title}”" in response.content.decode()
    assert not Booking.objects.exists()
    Completion.objects.create(
        user=person, course=foundation, completed_on=datetime.date(2026, 1, 1), source="recorded"
    )
    assert service.book(person, session).status == BookingStatus.CONFIRMED


def test_cancelling_frees_the_place_for_the_first_person_waiting_who_is_emailed(
    client, staff, session_factory, django_capture_on_commit_callbacks
):
    session = session_factory(capacity=1)
    first = staff()
    holder = service.book(first, session)
    waiting = [staff(), staff()]
    for person in waiting:
        service.book(person, session)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _client(client, first).post(reverse("academy:cancel", args=[holder.pk]))
    holder.refresh_from_db()
    assert holder.status == BookingStatus.CANCELLED
    offered = Booking.objects.get(user=waiting[0])
    assert offered.status == BookingStatus.OFFERED
    window = AcademySettings.load().offer_window_hours
    assert offered.offer_expires_at == pytest.approx(
        timezone.now() + datetime.timedelta(hours=window), abs=datetime.timedelta(minutes=1)
    )
    assert Booking.objects.get(user=waiting[1]).status == BookingStatus.WAITLISTED
    offer_mail = [m for m in mail.outbox if m.to == [waiting[0].email]]
    assert offer_mail and "A place is free for you" in offer_mail[0].subject


def test_accepting_an_offer_confirms_the_place(client, staff, session_factory):
    session = session_factory(capacity=1)
    first = staff()
    holder = service.book(first, session)
    second = staff()
    service.book(second, session)
    service.cancel(holder, first)
    offer = Booking.objects.get(user=second)
    response = _client(client, second).post(
        reverse("academy:respond_offer", args=[offer.pk]), {"response": "accept"}, follow=True
    )
    offer.refresh_from_db()
    assert offer.status == BookingStatus.CONFIRMED
    assert "The place is yours" in response.content.decode()


def test_a_stale_offer_gets_a_clear_message_and_the_place_passes_on(client, staff, session_factory):
    session = session_factory(capacity=1)
    first = staff()
    holder = service.book(first, session)
    second, third = staff(), staff()
    service.book(second, session)
    service.book(third, session)
    service.cancel(holder, first)
    offer = Booking.objects.get(user=second)
    Booking.objects.filter(pk=offer.pk).update(
        offer_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    response = _client(client, second).post(
        reverse("academy:respond_offer", args=[offer.pk]), {"response": "accept"}, follow=True
    )
    assert "this offer has expired" in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == BookingStatus.OFFERED  # unchanged until the beat task runs
    assert pass_on_lapsed_offers() == 1
    offer.refresh_from_db()
    assert offer.status == BookingStatus.EXPIRED
    assert Booking.objects.get(user=third).status == BookingStatus.OFFERED
    response = client.post(
        reverse("academy:respond_offer", args=[offer.pk]), {"response": "accept"}, follow=True
    )
    assert "This offer is no longer open." in response.content.decode()


def test_cancelling_after_the_cut_off_is_refused(client, staff, session_factory):
    session = session_factory(days=1)  # inside the default 48-hour cut-off
    person = staff()
    booking = service.book(person, session)
    response = _client(client, person).post(
        reverse("academy:cancel", args=[booking.pk]), follow=True
    )
    assert "It is too late to cancel this place online" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_the_cut_off_is_data_an_administrator_can_change(staff, session_factory):
    settings = AcademySettings.load()
    settings.cancellation_cutoff_hours = 12
    settings.save()
    session = session_factory(days=1)
    person = staff()
    booking = service.book(person, session)
    service.cancel(booking, person)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_people_without_a_staff_record_cannot_book(make_user, session_factory):
    candidate = make_user("candidate")
    with pytest.raises(BookingError, match="Booking is for staff"):
        service.book(candidate, session_factory())


def test_the_online_link_is_shown_only_to_people_with_a_place(client, staff, session_factory):
    session = session_factory(online_link="https://meet.example/secret", venue="")
    url = reverse("academy:session", args=[session.pk])
    assert "meet.example/secret" not in client.get(url).content.decode()
    person = staff()
    _client(client, person)
    assert "meet.example/secret" not in client.get(url).content.decode()
    booking = service.book(person, session)
    assert "meet.example/secret" in client.get(url).content.decode()
    detail = client.get(reverse("academy:booking", args=[booking.pk])).content.decode()
    assert "meet.example/secret" in detail


def test_staff_see_their_bookings_and_offers(client, staff, session_factory):
    person = staff()
    mine = service.book(person, session_factory())
    page = _client(client, person).get(reverse("academy:my_training")).content.decode()
    assert mine.session.course.title in page
    assert "Place confirmed" in page
