"""The academy's demo data shows the practice framework e-learning in every state."""

from django.core.management import call_command
from django.urls import reverse

from academy.models import Completion, CoursePage
from academy.services.compliance import MandatoryStatus, mandatory_items
from accounts.models import User


def test_demo_practice_framework_e_learning_covers_the_four_approaches_and_renewal(db, client):
    call_command("seed_demo")
    course = CoursePage.objects.get(slug="practice-framework-e-learning")
    titles = [m.title for m in course.modules]
    for approach in (
        "Trauma-Informed Practice",
        "Motivational Interviewing",
        "Restorative Approach",
        "Strengthening Families",
    ):
        assert approach in titles
    assert Completion.objects.filter(course=course, source="e_learning").count() >= 20

    def standing(email):
        user = User.objects.get(email=email)
        items = mandatory_items(user.staff_profile)
        return next(i.status for i in items if i.course.pk == course.pk)

    agency = User.objects.get(email="agency.sw@demo.southamptonway.example")
    assert standing(agency.email) == MandatoryStatus.OVERDUE
    assert standing("manager@demo.southamptonway.example") == MandatoryStatus.RENEW
    client.force_login(agency)
    page = client.get(reverse("academy:my_training")).content.decode()
    assert "Your mandatory training" in page and "Expired" in page
    module = client.get(course.modules[0].url).content.decode()
    assert "Work through every module again to renew it" in module
