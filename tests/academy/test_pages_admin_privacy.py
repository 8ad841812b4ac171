"""Page types sit where they should; the back office and privacy plumbing work."""

import datetime

import pytest
from django.urls import reverse

from academy.factories import CoursePageFactory, academy_index
from academy.models import AcademyIndexPage, CoursePage, ELearningModulePage, Enrolment
from academy.services import booking as service
from academy.signal_handlers import enrol_hire
from core.privacy import export_personal_data
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_page_types_only_go_where_they_belong():
    index = academy_index()
    home = HomePage.objects.get()
    course = CoursePageFactory()
    assert AcademyIndexPage.can_create_at(home) is False  # one academy only
    assert CoursePage.can_create_at(index)
    assert not CoursePage.can_create_at(home)
    assert ELearningModulePage.can_create_at(course)
    assert not ELearningModulePage.can_create_at(index)
    assert index.url == "/academy/"


def test_course_page_shows_its_dates_and_places(client, session_factory):
    session = session_factory(capacity=3)
    page = client.get(session.course.url).content.decode()
    assert session.course.title in page
    assert "3 left" in page
    assert "Sign in" in client.get(reverse("academy:session", args=[session.pk])).content.decode()


def test_ld_leads_manage_sessions_and_export_bookings_in_the_back_office(
    client_for, session_factory, staff
):
    session = session_factory()
    service.book(staff(), session)
    lead = client_for("L&D lead")
    listing = lead.get("/admin/academy/bookings/")
    assert listing.status_code == 200
    export = lead.get("/admin/academy/bookings/", {"export": "csv"})
    assert session.course.title in b"".join(export.streaming_content).decode()
    assert lead.get("/admin/academy/sessions/").status_code == 200
    assert client_for("staff member").get("/admin/academy/bookings/").status_code in {302, 403}


def test_a_persons_training_is_in_their_data_export(staff, session_factory):
    person = staff()
    booking = service.book(person, session_factory())
    data = export_personal_data(person)
    assert data["training"]["bookings"][0]["course"] == booking.session.course.title


def test_e_learning_progress_and_a_feed_reset_are_in_the_data_export(client, staff):
    from academy.factories import ELearningModulePageFactory
    from academy.models import CourseFormat
    from academy.services.calendar import reset_feed
    from tests.academy.checks import pass_modules

    course = CoursePageFactory(format=CourseFormat.E_LEARNING)
    module = ELearningModulePageFactory(parent=course, title="Restorative Approach")
    person = staff()
    client.force_login(person)
    pass_modules(client, [module])
    reset_feed(person)
    training = export_personal_data(person)["training"]
    [progress] = training["e_learning_modules"]
    assert progress["module"] == "Restorative Approach"
    assert progress["counted_towards_completion_on"] is not None
    assert training["calendar_feed_reset_at"] is not None


def test_a_hire_that_reuses_a_staff_record_is_enrolled_from_the_signal(staff):
    from academy.factories import ProgrammeFactory
    from academy.models import Programme

    induction = ProgrammeFactory(
        name="Corporate induction", auto_enrol=Programme.Enrols.EVERY_NEW_STARTER
    )
    person = staff(start_date=datetime.date(2026, 12, 1))
    Enrolment.objects.all().delete()
    enrol_hire(sender=None, staff_profile=person.staff_profile, new_staff_record=False)
    enrolment = Enrolment.objects.get(user=person)
    assert enrolment.programme == induction
    assert enrolment.starts_on == datetime.date(2026, 12, 1)


def test_the_dashboard_shows_each_role_its_academy_cards(client_for):
    staff_page = client_for("staff member").get(reverse("accounts:dashboard")).content.decode()
    assert "Your training" in staff_page
    assert "Academy reports" not in staff_page
    lead_page = client_for("L&D lead").get(reverse("accounts:dashboard")).content.decode()
    assert "Academy reports" in lead_page
    assert "Attendance registers" in lead_page
    candidate_page = client_for("candidate").get(reverse("accounts:dashboard")).content.decode()
    assert "Your training" not in candidate_page
