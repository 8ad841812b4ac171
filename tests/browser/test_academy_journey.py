"""Done when: an agency social worker finds a course, books the last place while another
person is waitlisted, cancels, and the waitlisted person is offered and accepts the place."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from academy.factories import CoursePageFactory, TrainingSessionFactory, academy_index, staff_user
from academy.models import Booking, CourseFormat
from accounts.models import EmploymentType
from core.booking import BookingStatus
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def course_with_one_place_left(transactional_db):
    academy_index()
    course = CoursePageFactory(
        title="Motivational Interviewing: core skills",
        summary="Conversations that help parents find their own reasons to change.",
        format=CourseFormat.IN_PERSON,
    )
    CoursePageFactory(title="Court skills and giving evidence")
    starts = (timezone.now() + datetime.timedelta(days=14)).replace(
        hour=9, minute=30, second=0, microsecond=0
    )
    session = TrainingSessionFactory(
        course=course, starts_at=starts, ends_at=starts + datetime.timedelta(hours=6), capacity=2
    )
    Booking.objects.create(session=session, user=staff_user(), status=BookingStatus.CONFIRMED)
    return session


def test_agency_worker_books_last_place_cancels_and_the_waitlisted_colleague_accepts(
    page, new_page, course_with_one_place_left
):
    session = course_with_one_place_left
    agency = staff_user(
        email="jordan.agency@example.com",
        profile={"employment_type": EmploymentType.AGENCY},
    )
    colleague = staff_user(email="priya.nqsw@example.com")

    # The agency social worker finds the course in the public catalogue.
    sign_in(page, agency.email)
    page.goto("/academy/")
    assert_accessible(page)
    page.get_by_label("Search courses").fill("motivational")
    page.get_by_role("button", name="Show courses").click()
    expect(page.get_by_role("heading", name="1 course")).to_be_visible()
    page.get_by_role("link", name="Motivational Interviewing: core skills").click()
    assert_accessible(page)
    expect(page.get_by_text("1 left")).to_be_visible()
    page.get_by_role("link", name="Book").click()
    expect(page.get_by_text("1 place left")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Book a place").click()
    expect(page.get_by_text("Your place is booked")).to_be_visible()
    expect(page.get_by_text("Place confirmed").first).to_be_visible()
    assert_accessible(page)

    # A colleague arrives too late for a place and joins the waiting list.
    other = new_page()
    sign_in(other, colleague.email)
    other.goto(f"/training/sessions/{session.pk}/")
    expect(other.get_by_text("This session is full.")).to_be_visible()
    other.get_by_role("button", name="Join the waiting list").click()
    expect(other.get_by_text("The session is full, so you are on the waiting list")).to_be_visible()

    # The agency worker can no longer go and cancels.
    page.get_by_role("link", name="Cancel this booking").click()
    assert_accessible(page)
    page.get_by_role("button", name="Yes, cancel it").click()
    expect(page.get_by_text("is cancelled")).to_be_visible()
    assert Booking.objects.get(user=agency).status == BookingStatus.CANCELLED

    # The colleague is offered the place by e-mail and accepts it.
    offer = Booking.objects.get(user=colleague)
    assert offer.status == BookingStatus.OFFERED
    assert any(
        m.to == [colleague.email] and "A place is free for you" in m.subject for m in mail.outbox
    )
    other.goto("/my-training/")
    expect(other.get_by_role("heading", name="A place is free for you")).to_be_visible()
    assert_accessible(other)
    other.get_by_role("link", name="Accept or turn it down").click()
    other.get_by_label("Yes, I accept the place").check()
    other.get_by_role("button", name="Send my answer").click()
    expect(other.get_by_text("The place is yours")).to_be_visible()
    assert_accessible(other)
    offer.refresh_from_db()
    assert offer.status == BookingStatus.CONFIRMED
    assert session.places_taken() == 2


def test_the_catalogue_filters_work_without_javascript(browser, live_server, transactional_db):
    academy_index()
    CoursePageFactory(title="Auditing practice well", format=CourseFormat.ONLINE_LIVE)
    CoursePageFactory(title="Court skills and giving evidence", format=CourseFormat.IN_PERSON)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/academy/")
    page.get_by_label("Format").select_option(label="Online, live")
    page.get_by_role("button", name="Show courses").click()
    assert "format=online_live" in page.url
    expect(page.get_by_role("link", name="Auditing practice well")).to_be_visible()
    assert page.get_by_role("link", name="Court skills and giving evidence").count() == 0
    # (axe needs JavaScript, so accessibility is checked on this page in the journey above.)
    context.close()
