"""Line-manager approval and the trainer's attendance register."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from academy.models import Booking, Completion, CpdEntry
from academy.services import booking as service
from academy.services.attendance import mark_register
from core.booking import BookingError, BookingStatus
from tests.conftest import give_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(make_user):
    return make_user("line manager")


def test_a_booking_needing_approval_waits_and_the_manager_is_asked(
    client, staff, manager, session_factory, django_capture_on_commit_callbacks
):
    session = session_factory(needs_approval=True, capacity=1)
    report = staff(line_manager=manager)
    with django_capture_on_commit_callbacks(execute=True):
        booking = service.book(report, session)
    assert booking.status == BookingStatus.PENDING_APPROVAL
    assert any(m.to == [manager.email] and "approve" in m.subject for m in mail.outbox)
    # The held place counts: the next person is waitlisted.
    assert service.book(staff(), session).status == BookingStatus.WAITLISTED
    client.force_login(manager)
    page = client.get(reverse("academy:team")).content.decode()
    assert str(report) in page
    response = client.post(
        reverse("academy:decide", args=[booking.pk]), {"decision": "approve"}, follow=True
    )
    assert "You approved" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.decided_by == manager


def test_declining_releases_the_place_to_the_waiting_list(client, staff, manager, session_factory):
    session = session_factory(needs_approval=True, capacity=1)
    booking = service.book(staff(line_manager=manager), session)
    waiting = staff()
    service.book(waiting, session)
    client.force_login(manager)
    client.post(
        reverse("academy:decide", args=[booking.pk]),
        {"decision": "decline", "note": "Team is short that week."},
    )
    booking.refresh_from_db()
    assert booking.status == BookingStatus.DECLINED
    assert booking.decision_note == "Team is short that week."
    assert Booking.objects.get(user=waiting).status == BookingStatus.OFFERED


def test_a_manager_cannot_decide_for_someone_outside_their_team(
    client, staff, manager, session_factory, make_user
):
    other_manager = make_user("line manager")
    booking = service.book(staff(line_manager=other_manager), session_factory(needs_approval=True))
    client.force_login(manager)
    response = client.post(reverse("academy:decide", args=[booking.pk]), {"decision": "approve"})
    assert response.status_code == 404
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PENDING_APPROVAL


def test_the_manager_sees_their_teams_completions(client, staff, manager, session_factory):
    report = staff(line_manager=manager)
    course = session_factory().course
    Completion.objects.create(
        user=report, course=course, completed_on=datetime.date(2026, 10, 1), source="recorded"
    )
    client.force_login(manager)
    page = client.get(reverse("academy:team")).content.decode()
    assert course.title in page


def test_the_manager_sees_whose_mandatory_training_is_overdue(client, staff, manager):
    from academy.factories import CoursePageFactory
    from academy.models import MandatoryRule

    course = CoursePageFactory(title="Safeguarding children: level 3", renewal_months=36)
    course.mandatory_rules = [MandatoryRule(due_within_days=30)]
    course.save_revision().publish()
    late = staff(line_manager=manager, start_date=datetime.date(2025, 1, 6))
    late.first_name, late.last_name = "Lee", "Late"
    late.save()
    done = staff(line_manager=manager, start_date=datetime.date(2025, 1, 6))
    done.first_name, done.last_name = "Ada", "Done"
    done.save()
    Completion.objects.create(
        user=done, course=course, completed_on=timezone.localdate(), source="recorded"
    )
    stranger = staff(start_date=datetime.date(2025, 1, 6))
    client.force_login(manager)
    page = client.get(reverse("academy:team")).content.decode()
    team_table = page.split("Your team's mandatory training")[1].split("</table>")[0]
    assert "Lee Late" in team_table and "1 overdue" in team_table
    assert "Ada Done" in team_table and "1 of 1" in team_table
    assert str(stranger) not in team_table


@pytest.fixture
def trainer(make_user):
    return make_user("trainer")


def _started_session_with(staff, session_factory, trainer, people=2):
    session = session_factory(trainer=trainer)
    bookings = [service.book(staff(), session) for _ in range(people)]
    type(session).objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=2),
        ends_at=timezone.now() - datetime.timedelta(hours=1),
    )
    session.refresh_from_db()
    return session, bookings


def test_the_trainer_marks_attendance_which_completes_the_course_and_drafts_cpd(
    client, staff, session_factory, trainer
):
    session, (came, absent) = _started_session_with(staff, session_factory, trainer)
    client.force_login(trainer)
    response = client.post(
        reverse("academy:register", args=[session.pk]),
        {f"booking_{came.pk}": "attended", f"booking_{absent.pk}": "no_show"},
        follow=True,
    )
    assert "Register saved: 2 change(s) recorded." in response.content.decode()
    came.refresh_from_db()
    absent.refresh_from_db()
    assert (came.status, absent.status) == (BookingStatus.ATTENDED, BookingStatus.NO_SHOW)
    completion = Completion.objects.get(user=came.user)
    assert completion.course == session.course
    entry = CpdEntry.objects.get(user=came.user)
    assert entry.status == CpdEntry.Status.DRAFT
    assert entry.title == session.course.title
    assert not Completion.objects.filter(user=absent.user).exists()
    # Correcting a mistaken mark removes the completion and its untouched draft.
    mark_register(session, trainer, {came.pk: BookingStatus.NO_SHOW})
    assert not Completion.objects.filter(user=came.user).exists()
    assert not CpdEntry.objects.filter(user=came.user).exists()


def test_someone_who_is_not_the_sessions_trainer_cannot_take_its_register(
    client, staff, session_factory, trainer, make_user
):
    session, (booking, _) = _started_session_with(staff, session_factory, trainer)
    other_trainer = make_user("trainer")
    client.force_login(other_trainer)
    response = client.post(
        reverse("academy:register", args=[session.pk]), {f"booking_{booking.pk}": "attended"}
    )
    assert response.status_code == 403
    with pytest.raises(BookingError, match="Only the trainer running this session"):
        mark_register(session, other_trainer, {booking.pk: BookingStatus.ATTENDED})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert not Completion.objects.exists()


def test_an_ld_lead_may_take_any_register(staff, session_factory, trainer, make_user):
    session, (booking, _) = _started_session_with(staff, session_factory, trainer)
    lead = make_user("L&D lead")
    give_totp(lead)
    assert mark_register(session, lead, {booking.pk: BookingStatus.ATTENDED}) == 1


def test_the_register_does_not_open_before_the_session_starts(staff, session_factory, trainer):
    session = session_factory(trainer=trainer)
    booking = service.book(staff(), session)
    with pytest.raises(BookingError, match="The register opens when the session starts."):
        mark_register(session, trainer, {booking.pk: BookingStatus.ATTENDED})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_an_accepted_offer_on_an_approval_session_still_goes_to_the_manager(
    staff, manager, session_factory
):
    session = session_factory(needs_approval=True, capacity=1)
    first = staff()
    holder = service.book(first, session)
    waiting = staff(line_manager=manager)
    service.book(waiting, session)
    service.cancel(holder, first)
    offer = Booking.objects.get(user=waiting)
    accepted = service.accept(offer, waiting)
    assert accepted.status == BookingStatus.PENDING_APPROVAL
    assert service.approve(accepted, manager).status == BookingStatus.CONFIRMED
