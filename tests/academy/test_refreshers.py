import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from academy.factories import CoursePageFactory, ELearningModulePageFactory, staff_user
from academy.models import Booking, Completion, CourseFormat, MandatoryRule
from academy.tasks import send_certificate_expiry_reminders
from core.booking import BookingStatus


def _run(on, capture):
    with capture(execute=True):
        return send_certificate_expiry_reminders(on.isoformat())


def _link(message):
    return re.search(r"http://[^\s]+/renew/", message.body).group(0)


@pytest.fixture
def people(db):
    manager = staff_user(email="manager@example.com")
    learner = staff_user(
        email="learner@example.com", first_name="Sam", profile={"line_manager": manager}
    )
    return learner, manager


def _completed(person, course, on):
    return Completion.objects.create(
        user=person, course=course, completed_on=on, source="attendance"
    ).certificate


def test_mandatory_training_30_days_before_expiry_tells_learner_and_manager_once_and_books(
    client, people, session_factory, django_capture_on_commit_callbacks
):
    learner, manager = people
    course = CoursePageFactory(title="Safeguarding refresher", renewal_months=12)
    course.mandatory_rules = [MandatoryRule(due_within_days=30)]
    course.save_revision().publish()
    full = session_factory(days=10, course=course, capacity=1)
    full.bookings.create(user=staff_user(), status=BookingStatus.CONFIRMED)
    open_session = session_factory(days=20, course=course, capacity=5)
    certificate = _completed(learner, course, datetime.date(2026, 1, 31))
    assert certificate.expires_on == datetime.date(2027, 1, 31)

    mail.outbox.clear()
    day = datetime.date(2027, 1, 1)  # 30 days before
    assert _run(day, django_capture_on_commit_callbacks) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([manager.email, learner.email])
    to_learner = next(m for m in mail.outbox if m.to == [learner.email])
    assert "expires in 30 days" in to_learner.subject
    assert "31 January 2027" in to_learner.body
    to_manager = next(m for m in mail.outbox if m.to == [manager.email])
    assert "Sam" in to_manager.subject

    # Running again, that day or the next, sends nothing more.
    mail.outbox.clear()
    assert _run(day, django_capture_on_commit_callbacks) == 0
    assert _run(day + datetime.timedelta(days=1), django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []

    # The link takes the learner to the next session with a place, ready to book.
    client.force_login(learner)
    response = client.get(_link(to_learner).replace("http://127.0.0.1:8000", ""))
    assert response.status_code == 302
    assert response["Location"] == reverse("academy:book", args=[open_session.pk])
    client.post(response["Location"])
    assert Booking.objects.get(user=learner).session == open_session


def test_only_the_nearest_milestone_is_sent_and_a_renewed_certificate_is_quiet(
    people, django_capture_on_commit_callbacks
):
    learner, _manager = people
    course = CoursePageFactory(title="Motivational Interviewing", renewal_months=12)
    today = timezone.localdate()
    # Not mandatory: the learner alone is told.
    _completed(learner, course, today - datetime.timedelta(days=340))
    mail.outbox.clear()
    assert _run(today, django_capture_on_commit_callbacks) == 1
    [message] = mail.outbox
    assert message.to == [learner.email]
    days_left = (
        learner.certificates.get().expires_on - today
    ).days  # 25 or so: the 30-day reminder, not the 60-day one too
    assert days_left <= 30 and "expires in 30 days" in message.subject

    # Renewing it (a newer certificate) stops reminders about the old one.
    _completed(learner, course, today)
    mail.outbox.clear()
    expiry_day = learner.certificates.order_by("completed_on").first().expires_on
    assert _run(expiry_day, django_capture_on_commit_callbacks) == 0


def test_on_the_day_e_learning_reminders_open_the_first_module(
    client, people, django_capture_on_commit_callbacks
):
    learner, _manager = people
    course = CoursePageFactory(
        title="Practice framework", format=CourseFormat.E_LEARNING, renewal_months=36
    )
    first = ELearningModulePageFactory(parent=course, title="Why a practice framework?")
    ELearningModulePageFactory(parent=course)
    certificate = _completed(learner, course, datetime.date(2024, 2, 29))
    assert certificate.expires_on == datetime.date(2027, 2, 28)
    mail.outbox.clear()
    assert _run(datetime.date(2027, 2, 28), django_capture_on_commit_callbacks) == 1
    [message] = mail.outbox
    assert "expires today" in message.subject
    client.force_login(learner)
    response = client.get(_link(message).replace("http://127.0.0.1:8000", ""))
    assert response["Location"] == first.url
