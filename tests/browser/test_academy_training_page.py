"""A member of staff renews lapsed mandatory e-learning and resets their calendar address
from Your training, in a real browser, with each screen checked by axe."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from academy.factories import CoursePageFactory, ELearningModulePageFactory, staff_user
from academy.models import Completion, CourseFormat, MandatoryRule
from tests.browser.academy_checks import take_check
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_renew_lapsed_e_learning_and_reset_their_calendar_address(page):
    course = CoursePageFactory(
        title="The Southampton Way practice framework (e-learning)",
        format=CourseFormat.E_LEARNING,
        renewal_months=36,
    )
    course.mandatory_rules = [MandatoryRule(due_within_days=90)]
    course.save_revision().publish()
    for title in ("Trauma-Informed Practice", "Strengthening Families"):
        ELearningModulePageFactory(parent=course, title=title)
    person = staff_user(email="sam.sw@example.com", profile={"employment_type": "agency"})
    Completion.objects.create(
        user=person,
        course=course,
        completed_on=timezone.localdate() - datetime.timedelta(days=3 * 365 + 40),
        source=Completion.Source.E_LEARNING,
    )

    sign_in(page, person.email)
    page.goto("/my-training/")
    table = page.get_by_role("table", name="Mandatory training for your role")
    expect(table.get_by_text("Overdue")).to_be_visible()
    assert_accessible(page)

    table.get_by_role("link", name=course.title).click()
    expect(page.get_by_text("Work through every module again to renew it")).to_be_visible()
    page.get_by_role("link", name="Renew the e-learning").click()
    assert_accessible(page)
    take_check(page)
    assert_accessible(page)
    page.get_by_role("link", name="Next module").click()
    take_check(page)
    expect(page.get_by_text(f"You have completed {course.title}")).to_be_visible()
    table = page.get_by_role("table", name="Mandatory training for your role")
    expect(table.get_by_text("Done")).to_be_visible()
    expect(table.get_by_text("In date until")).to_be_visible()

    old_address = page.locator("#calendar-feed-url").inner_text()
    page.get_by_role("button", name="Reset your calendar address").click()
    expect(page.get_by_text("the old one no longer works")).to_be_visible()
    new_address = page.locator("#calendar-feed-url").inner_text()
    assert new_address != old_address
    assert_accessible(page)
    assert page.request.get(old_address).status == 404
    assert page.request.get(new_address).status == 200
