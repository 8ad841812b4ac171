"""Forged or stale values in the forms that post ids and choices (registers, approvals,
offers, training bookings, interview slots) are answered with a 400 or a form error,
never a server error, and change nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from academy.factories import BookingFactory, TrainingSessionFactory, staff_user
from core.booking import BookingStatus
from fostering.factories import FosteringCaseFactory
from vacancies.factories import ApplicationFactory
from vacancies.models import ApplicationStatus, InterviewSlot

pytestmark = pytest.mark.django_db

FORGED = ["abc", "1e3", "-1", "99999999999999999999999", "\x00", ""]


def test_the_academy_register_refuses_forged_marks(make_user, client):
    trainer = make_user("trainer")
    started = timezone.now() - datetime.timedelta(hours=1)
    session = TrainingSessionFactory(
        trainer=trainer, starts_at=started, ends_at=started + datetime.timedelta(hours=2)
    )
    booking = BookingFactory(session=session)
    client.force_login(trainer)
    url = reverse("academy:register", args=[session.pk])
    for value in FORGED:
        response = client.post(url, {f"booking_{booking.pk}": value, f"booking_{value}": "x"})
        assert response.status_code in {200, 400}, value
        assert "There is a problem" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_manager_decisions_and_offer_answers_refuse_forged_choices(make_user, client):
    manager = make_user("line manager")
    session = TrainingSessionFactory(needs_approval=True)
    person = staff_user(profile={"line_manager": manager})
    held = BookingFactory(session=session, user=person, status=BookingStatus.PENDING_APPROVAL)
    offered = BookingFactory(
        session=TrainingSessionFactory(), user=person, status=BookingStatus.OFFERED
    )
    client.force_login(manager)
    for value in FORGED:
        response = client.post(reverse("academy:decide", args=[held.pk]), {"decision": value})
        assert response.status_code in {200, 400}, value
    client.force_login(person)
    for value in FORGED:
        response = client.post(
            reverse("academy:respond_offer", args=[offered.pk]), {"response": value}
        )
        assert response.status_code in {200, 400}, value
    held.refresh_from_db()
    offered.refresh_from_db()
    assert (held.status, offered.status) == (BookingStatus.PENDING_APPROVAL, BookingStatus.OFFERED)


def test_booking_a_household_on_training_refuses_a_forged_session(client_for):
    team = client_for("fostering team")
    case = FosteringCaseFactory()
    for value in FORGED:
        response = team.post(
            reverse("fostering:case_book_training", args=[case.pk]), {"session": value}
        )
        assert response.status_code in {200, 400}, value
    assert not case.training_bookings.exists()


def test_choosing_an_interview_slot_refuses_a_forged_slot(client):
    application = ApplicationFactory(status=ApplicationStatus.INTERVIEW)
    starts = timezone.now() + datetime.timedelta(days=3)
    slot = InterviewSlot.objects.create(
        vacancy=application.vacancy,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        location="Civic Centre",
    )
    client.force_login(application.candidate)
    for value in FORGED:
        response = client.post(
            reverse("vacancies:choose_slot", args=[application.pk]), {"slot": value}
        )
        assert response.status_code in {200, 302, 400}, value
    slot.refresh_from_db()
    assert slot.application is None
