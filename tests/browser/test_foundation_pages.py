"""The shared pages (sign-in, sign-up, 404, account) in a real browser, checked by axe."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(transactional_db):
    """Just the home page: cheaper than the whole demo portal."""
    from home import demo

    demo.seed(lambda message: None)


def test_sign_in_and_sign_up_pages_are_accessible(page, demo):
    for path in ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]:
        page.goto(path)
        assert page.locator("main h1").count() == 1
        assert_accessible(page)


def test_a_sign_up_with_mistakes_shows_an_accessible_error_summary(page, demo):
    page.goto("/accounts/signup/")
    page.get_by_label("First name").fill("Ada")
    page.get_by_role("button", name="Create account").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    assert page.get_by_label("First name").input_value() == "Ada"
    assert_accessible(page)


def test_the_404_page_is_the_sites_own_and_accessible(page, demo):
    response = page.goto("/no-such-page/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    assert_accessible(page)


def test_a_recruiter_signs_in_with_password_and_code_and_reaches_the_workspace(
    page, demo, make_user
):
    recruiter = make_user("recruiter", email="chloe@example.com")
    sign_in(page, recruiter.email, user=recruiter)
    page.goto("/accounts/me/")
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()
    assert_accessible(page)
    page.goto("/admin/")
    assert "/admin/" in page.url
    assert "/accounts/login" not in page.url


def test_the_skip_link_is_the_first_thing_a_keyboard_reaches(page, demo):
    page.goto("/accounts/login/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
