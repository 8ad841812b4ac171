"""Factories shared by tests and demo data, so the two cannot drift apart."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from accounts.factories import StaffProfileFactory, UserFactory
from core.booking import BookingStatus

from .checks_content import question
from .models import (
    AcademyIndexPage,
    Booking,
    CourseFormat,
    CoursePage,
    ELearningModulePage,
    Programme,
    ProgrammeStep,
    TrainingSession,
)


def academy_index(**kwargs) -> AcademyIndexPage:
    """The academy index page under the home page (created with the home page if needed)."""
    from home.demo import seed as seed_home
    from home.models import HomePage

    index = AcademyIndexPage.objects.first()
    if index is not None:
        return index
    home = HomePage.objects.first()
    if home is None:
        seed_home(lambda *args: None)
        home = HomePage.objects.get()
    defaults = {
        "title": "Workforce academy",
        "slug": "academy",
        "intro": "<p>Training for everyone who works in Southampton's children's services.</p>",
    }
    defaults.update(kwargs)
    return home.add_child(instance=AcademyIndexPage(**defaults))


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Course {n}")
    summary = "A practical course for practitioners."
    format = CourseFormat.IN_PERSON
    duration = "1 day"
    cpd_hours = 6
    parent = factory.LazyFunction(academy_index)

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or academy_index()
        instance = model_class(*args, **kwargs)
        parent.add_child(instance=instance)
        return instance


class ELearningModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ELearningModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    body = "<p>Read this and think about a family you work with.</p>"
    check_questions = factory.LazyFunction(
        lambda: [
            question(
                "Which approach asks what has happened to someone?",
                "Trauma-Informed Practice",
                ["Motivational Interviewing", "Restorative Approach"],
                feedback={"Motivational Interviewing": "It helps people talk about change."},
            ),
            question(
                "Which of these are practice approaches of the framework?",
                ["Restorative Approach", "Strengthening Families"],
                "Performance league tables",
            ),
        ]
    )
    questions_per_attempt = 2
    pass_mark = 100
    retake_wait_hours = 24

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        instance = model_class(*args, **kwargs)
        parent.add_child(instance=instance)
        return instance


def _in_days(days, hour=9):
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=30, second=0, microsecond=0)


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingSession

    course = factory.SubFactory(CoursePageFactory)
    starts_at = factory.LazyFunction(lambda: _in_days(14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=6))
    capacity = 10
    venue = "Civic Centre, Southampton"


def staff_user(roles=("staff member",), profile=None, **kwargs):
    """A user holding staff roles, with a staff record (`profile` sets its fields)."""
    user = UserFactory(roles=list(roles), **kwargs)
    StaffProfileFactory(user=user, **(profile or {}))
    return user


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booking

    session = factory.SubFactory(TrainingSessionFactory)
    user = factory.LazyFunction(staff_user)
    status = BookingStatus.CONFIRMED


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Programme {n}")
    summary = "A programme."


class ProgrammeStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeStep

    programme = factory.SubFactory(ProgrammeFactory)
    kind = ProgrammeStep.Kind.MILESTONE
    title = factory.Sequence(lambda n: f"Step {n}")
