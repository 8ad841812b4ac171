"""Resetting the calendar feed, telling people their offer lapsed, and renewing
mandatory e-learning."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from academy.factories import CoursePageFactory, ELearningModulePageFactory, staff_user
from academy.models import Booking, Completion, CourseFormat, MandatoryRule
from academy.reports import compliance_rows
from academy.services import booking as service
from academy.services.calendar import feed_token
from academy.tasks import pass_on_lapsed_offers
from core.booking import BookingStatus
from tests.academy.checks import pass_modules

pytestmark = pytest.mark.django_db

ONLINE = "https://meet.example/academy-room"


# --- Calendar feed ---------------------------------------------------------------


def _feed_events(client, user):
    response = client.get(reverse("academy:calendar_feed", args=[feed_token(user)]))
    assert response.status_code == 200
    return {str(e["summary"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}


def test_resetting_the_feed_retires_the_old_address_and_shows_the_new_one(
    client, staff, session_factory
):
    person = staff()
    booking = service.book(person, session_factory())
    old_url = reverse("academy:calendar_feed", args=[feed_token(person)])
    assert client.get(old_url).status_code == 200
    client.force_login(person)
    page = client.get(reverse("academy:my_training")).content.decode()
    assert old_url in page

    response = client.post(reverse("academy:reset_calendar_feed"), follow=True)
    page = response.content.decode()
    assert "the old one no longer works" in page
    new_url = reverse("academy:calendar_feed", args=[feed_token(person)])
    assert new_url != old_url
    assert new_url in page and old_url not in page
    client.logout()
    assert client.get(old_url).status_code == 404
    response = client.get(new_url)
    assert response.status_code == 200
    assert booking.session.course.title in response.content.decode()

    # A second reset retires the second address too.
    client.force_login(person)
    client.post(reverse("academy:reset_calendar_feed"))
    client.logout()
    assert client.get(new_url).status_code == 404


def test_resetting_is_a_post_and_only_changes_my_own_address(client, staff):
    me, other = staff(), staff()
    their_url = reverse("academy:calendar_feed", args=[feed_token(other)])
    client.force_login(me)
    assert client.get(reverse("academy:reset_calendar_feed")).status_code == 405
    client.post(reverse("academy:reset_calendar_feed"))
    client.logout()
    assert client.get(their_url).status_code == 200


def test_the_feed_shows_joining_links_only_where_i_hold_a_place(client, staff, session_factory):
    person = staff()
    confirmed = session_factory(venue="", online_link=ONLINE + "/1")
    service.book(person, confirmed)
    # Full sessions: one where I am offered a freed place, one where I wait.
    offered = session_factory(venue="", online_link=ONLINE + "/2", capacity=1)
    holder = staff()
    place = service.book(holder, offered)
    service.book(person, offered)
    service.cancel(place, holder)
    assert Booking.objects.get(user=person, session=offered).status == BookingStatus.OFFERED
    waiting = session_factory(venue="", online_link=ONLINE + "/3", capacity=1)
    service.book(staff(), waiting)
    service.book(person, waiting)
    approval = session_factory(venue="", online_link=ONLINE + "/4", needs_approval=True)
    manager = staff_user(roles=("staff member", "line manager"))
    person.staff_profile.line_manager = manager
    person.staff_profile.save()
    assert service.book(person, approval).status == BookingStatus.PENDING_APPROVAL

    response = client.get(reverse("academy:calendar_feed", args=[feed_token(person)]))
    body = response.content.decode()
    assert ONLINE + "/1" in body
    for private in ("/2", "/3", "/4"):
        assert ONLINE + private not in body
    events = _feed_events(client, person)
    assert waiting.course.title not in events
    assert "url" not in events[offered.course.title]
    assert "url" not in events[approval.course.title]


# --- Lapsed offers -----------------------------------------------------------------


def _offer_lapses(staff, session_factory):
    session = session_factory(capacity=1)
    first, second, third = staff(), staff(), staff()
    holder = service.book(first, session)
    service.book(second, session)
    service.book(third, session)
    service.cancel(holder, first)
    offer = Booking.objects.get(user=second)
    Booking.objects.filter(pk=offer.pk).update(
        offer_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    return session, second, third


def test_a_lapsed_offer_tells_its_holder_once_and_offers_the_next_person(
    staff, session_factory, django_capture_on_commit_callbacks
):
    session, second, third = _offer_lapses(staff, session_factory)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert pass_on_lapsed_offers() == 1
    lapsed = [m for m in mail.outbox if m.to == [second.email]]
    assert len(lapsed) == 1
    assert lapsed[0].subject == (
        f"The place you were offered has passed on: {session.course.title}"
    )
    assert "has gone to the next person on the waiting list" in lapsed[0].body
    assert "you can book the session again" in lapsed[0].body
    offered = [m for m in mail.outbox if m.to == [third.email]]
    assert len(offered) == 1 and "A place is free for you" in offered[0].subject

    # The beat task runs again (and again): nobody hears twice.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        pass_on_lapsed_offers()
        pass_on_lapsed_offers()
    assert mail.outbox == []


def test_a_run_that_lapsed_offers_without_telling_anyone_is_caught_up(
    staff, session_factory, django_capture_on_commit_callbacks
):
    session, second, _third = _offer_lapses(staff, session_factory)
    pass_on_lapsed_offers()  # on-commit e-mails never ran: as if the worker died
    assert Booking.objects.get(user=second).status == BookingStatus.EXPIRED
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        pass_on_lapsed_offers()
    assert [m.to for m in mail.outbox] == [[second.email]]


# --- E-learning renewal ------------------------------------------------------------


@pytest.fixture
def mandatory_elearning(db):
    course = CoursePageFactory(
        title="Trauma-informed practice", format=CourseFormat.E_LEARNING, renewal_months=12
    )
    course.mandatory_rules = [MandatoryRule(due_within_days=30)]
    course.save_revision().publish()
    modules = [ELearningModulePageFactory(parent=course) for _ in range(2)]
    return course, modules


def _finish(client, modules):
    return pass_modules(client, modules)


def _training_page(client):
    return client.get(reverse("academy:my_training")).content.decode()


def test_an_expired_e_learning_completion_can_be_retaken_and_restores_compliance(
    client, staff, mandatory_elearning
):
    course, modules = mandatory_elearning
    person = staff(start_date=datetime.date(2024, 1, 8), employment_type="agency")
    client.force_login(person)
    page = _training_page(client)
    assert "Your mandatory training" in page and "Overdue" in page

    assert "You have completed Trauma-informed practice" in _finish(client, modules)
    assert "In date until" in _training_page(client)
    # Starting the check again while it is in date records nothing.
    page = client.post(
        reverse("academy:start_check", args=[modules[-1].pk]), follow=True
    ).content.decode()
    assert "It is in date until" in page
    assert Completion.objects.filter(user=person).count() == 1

    # Thirteen months on, the completion has lapsed.
    Completion.objects.filter(user=person).update(
        completed_on=timezone.localdate() - datetime.timedelta(days=400)
    )
    page = _training_page(client)
    assert "Overdue" in page and "Expired" in page
    [row] = [r for r in compliance_rows("employment_type") if r["group"] == "Agency (locum)"]
    assert (row["done"], row["overdue"]) == (0, 1)
    module_page = client.get(modules[0].url).content.decode()
    assert "Work through every module again to renew it" in module_page
    assert "Start the knowledge check" in module_page

    assert "You have completed Trauma-informed practice" in _finish(client, modules)
    assert Completion.objects.filter(user=person).count() == 2
    assert "In date until" in _training_page(client)
    [row] = [r for r in compliance_rows("employment_type") if r["group"] == "Agency (locum)"]
    assert (row["done"], row["overdue"], row["compliance"]) == (1, 0, 100.0)


def test_renewal_opens_shortly_before_expiry_and_half_a_retake_changes_nothing(
    client, staff, mandatory_elearning
):
    course, modules = mandatory_elearning
    person = staff(start_date=datetime.date(2024, 1, 8))
    client.force_login(person)
    _finish(client, modules)
    # Eleven months on: within the 60-day renewal window, still in date.
    Completion.objects.filter(user=person).update(
        completed_on=timezone.localdate() - datetime.timedelta(days=335)
    )
    page = _training_page(client)
    assert "Renewal due" in page and "Renew by" in page
    assert "Renew the e-learning" in client.get(course.url).content.decode()
    pass_modules(client, modules[:1])
    assert Completion.objects.filter(user=person).count() == 1
    page = client.get(modules[1].url).content.decode()
    assert "Start the knowledge check" in page


# --- A session cancelled by L&D --------------------------------------------------


def test_cancelling_a_session_tells_everyone_booked_once_and_updates_their_calendar(
    client, staff, session_factory, django_capture_on_commit_callbacks
):
    session = session_factory(capacity=1)
    placed, waiting, gone = staff(), staff(), staff()
    booking = service.book(placed, session)
    service.book(waiting, session)
    other_session = session_factory(days=20)
    left = service.book(gone, other_session)
    service.cancel(left, gone)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        session.is_cancelled = True
        session.save()
    subject = f"Session cancelled by the academy: {session.course.title}"
    assert sorted(m.to[0] for m in mail.outbox) == sorted([placed.email, waiting.email])
    assert all(m.subject.startswith(subject) for m in mail.outbox)
    to_placed = next(m for m in mail.outbox if m.to == [placed.email])
    assert "your place on it has ended" in to_placed.body
    [event] = Calendar.from_ical(to_placed.attachments[0][1]).walk("VEVENT")
    assert str(event["status"]) == "CANCELLED"

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        session.notes = "Room changed"
        session.save()  # still cancelled: nobody hears again
    assert mail.outbox == []

    client.force_login(placed)
    page = client.get(reverse("academy:my_training")).content.decode()
    assert "Session cancelled" in page
    detail = client.get(reverse("academy:booking", args=[booking.pk])).content.decode()
    assert "Session cancelled" in detail


# --- Renewal reminders ---------------------------------------------------------------


def test_staff_are_told_once_when_renewal_opens_and_once_when_it_expires(
    staff, mandatory_elearning
):
    from academy.tasks import send_renewal_reminders

    course, _modules = mandatory_elearning
    person = staff(start_date=datetime.date(2024, 1, 8))
    in_date = staff(start_date=datetime.date(2024, 1, 8))
    today = timezone.localdate()
    completion = Completion.objects.create(
        user=person,
        course=course,
        completed_on=today - datetime.timedelta(days=335),
        source="e_learning",
    )
    Completion.objects.create(
        user=in_date,
        course=course,
        completed_on=today - datetime.timedelta(days=30),
        source="e_learning",
    )
    mail.outbox.clear()
    assert send_renewal_reminders() == 1
    assert send_renewal_reminders() == 0
    [reminder] = mail.outbox
    assert reminder.to == [person.email]
    assert reminder.subject == f"Time to renew your mandatory training: {course.title}"
    assert "work through the e-learning again" in reminder.body

    # A month later it has lapsed: one more e-mail, then silence.
    later = (today + datetime.timedelta(days=40)).isoformat()
    mail.outbox.clear()
    assert send_renewal_reminders(later) == 1
    assert send_renewal_reminders(later) == 0
    assert mail.outbox[0].subject == f"Your mandatory training has expired: {course.title}"

    # Long-lapsed training is not announced out of the blue.
    Completion.objects.filter(pk=completion.pk).update(
        completed_on=today - datetime.timedelta(days=500)
    )
    mail.outbox.clear()
    assert send_renewal_reminders() == 0
    assert mail.outbox == []
