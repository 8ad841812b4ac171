"""The public site in a real browser: every page type passes axe, works without
JavaScript and can be used with the keyboard."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

# One page of every public page type in the demo.
PAGES = {
    "HomePage": "/",
    "StoryIndexPage": "/the-southampton-way/",
    "StoryPage": "/the-southampton-way/family-safeguarding/",
    "WorkWithUsPage": "/work-with-us/",
    "RoleFamilyPage": "/work-with-us/social-workers/",
    "NewsIndexPage": "/news/",
    "NewsArticlePage": "/news/ofsted-2023-good-with-outstanding-leadership/",
    "FosteringLandingPage": "/fostering/",
    "FosteringContentPage": "/fostering/carers-stories/",
    "StandardPage": "/privacy/",
    "SearchPage": "/search/?q=fostering",
}


@pytest.fixture
def demo(transactional_db, live_server):
    from wagtail.models import Site

    call_command("seed_demo")
    # Serve the demo site on the live server's address, so canonical links match.
    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))


def test_every_public_page_type_has_no_axe_violations(page, demo):
    for name, path in PAGES.items():
        response = page.goto(path)
        assert response.status == 200, name
        assert page.locator("main h1").count() == 1, name
        assert_accessible(page)
    # Extra pages with blocks the ones above do not use.
    for path in [
        "/fostering/faq/",
        "/the-southampton-way/impact/",
        "/the-southampton-way/practice-framework/",
        "/news/?tag=ofsted",
        "/accessibility/",
    ]:
        page.goto(path)
        assert_accessible(page)


def test_the_public_site_works_with_javascript_switched_off(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.goto("/fostering/faq/")
        question = page.get_by_text("Can I foster if I rent my home?")
        question.click()
        expect(page.get_by_text("You need a spare bedroom")).to_be_visible()

        page.goto("/")
        page.get_by_label("Search the site").fill("Family Safeguarding")
        page.get_by_role("button", name="Search", exact=True).click()
        assert "/search/" in page.url
        expect(page.locator(".portal-search-result mark").first).to_be_visible()
        page.get_by_role("link", name="The Family Safeguarding Model", exact=True).click()
        assert page.get_by_role("heading", level=1).inner_text() == "The Family Safeguarding Model"

        page.goto("/news/")
        page.get_by_role("link", name="Ofsted", exact=True).first.click()
        assert "tag=ofsted" in page.url
        expect(page.get_by_text("Showing news tagged")).to_be_visible()
        # (axe needs JavaScript, so the accessibility checks run in the test above.)
    finally:
        context.close()


def test_the_menu_and_faq_can_be_used_with_the_keyboard_alone(page, demo):
    page.goto("/fostering/faq/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    # Tab through to the first question and open it with Enter.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    assert page.evaluate("document.activeElement.textContent.trim()") == (
        "Can I foster if I work full time?"
    )
    page.keyboard.press("Enter")
    expect(page.get_by_text("Some types of fostering, such as respite")).to_be_visible()


def test_the_header_menu_marks_the_section_the_visitor_is_in(page, demo):
    page.goto("/fostering/why-foster/")
    current = page.locator('nav[aria-label="Main"] [aria-current="page"]')
    assert current.inner_text() == "Foster with us"
    crumbs = page.locator('nav[aria-label="Breadcrumb"] li')
    assert crumbs.all_inner_texts() == ["Home", "Foster with us"]
