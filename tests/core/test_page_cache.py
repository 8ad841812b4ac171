"""The whole-page cache for anonymous visitors (core/page_cache.py): what a visitor would notice
is a page that belongs to someone else, a stale page, or scripts blocked by the CSP."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from cms.models import MainMenuItem, NavigationSettings, SiteSettings
from home.models import HomePage
from vacancies.factories import VacancyPageFactory, vacancy_index

pytestmark = pytest.mark.django_db

NONCE = re.compile(r'nonce="([^"]+)"')


def page_nonces(response) -> set[str]:
    return set(NONCE.findall(response.content.decode()))


def header_nonce(response) -> str:
    return re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)


@pytest.fixture
def home():
    vacancy_index()
    # Settings rows are created on first read, as on a new site's first visit.
    site = Site.objects.get(is_default_site=True)
    SiteSettings.for_site(site)
    NavigationSettings.for_site(site)
    return HomePage.objects.get()


def test_a_repeat_visit_is_served_from_the_cache_with_its_own_nonce(
    home, django_assert_max_num_queries
):
    first = Client().get(home.url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_max_num_queries(0):
        second = Client().get(home.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.status_code == 200
    # Each response's scripts carry the nonce of its own header, and no two are alike.
    assert page_nonces(first) == {header_nonce(first)}
    assert page_nonces(second) == {header_nonce(second)}
    assert header_nonce(first) != header_nonce(second)
    assert first.content.replace(header_nonce(first).encode(), b"") == second.content.replace(
        header_nonce(second).encode(), b""
    )
    assert "Cookie" in second["Vary"]


def test_signed_in_people_are_never_served_the_anonymous_page(home, client_for):
    anonymous = Client().get(home.url)
    assert anonymous["X-Page-Cache"] == "miss"
    signed_in = client_for("candidate")
    response = signed_in.get(home.url)
    assert "X-Page-Cache" not in response
    assert "Sign out" in response.content.decode()


def test_a_signed_in_page_is_never_stored_for_anyone_else(home, client_for):
    signed_in = client_for("candidate")
    signed_in.get(home.url)
    signed_in.get(home.url)
    anonymous = Client().get(home.url)
    assert anonymous["X-Page-Cache"] == "miss"
    assert "Sign out" not in anonymous.content.decode()


def test_a_visitor_with_a_session_or_a_message_is_not_served_from_the_cache(home):
    Client().get(home.url)
    with_session = Client()
    with_session.cookies["sessionid"] = "anything"
    assert "X-Page-Cache" not in with_session.get(home.url)
    with_message = Client()
    with_message.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in with_message.get(home.url)


def test_publishing_a_page_shows_the_new_version_at_once(home):
    assert Client().get(home.url)["X-Page-Cache"] == "miss"
    assert Client().get(home.url)["X-Page-Cache"] == "hit"
    home.hero_heading = "A brand new heading"
    home.save_revision().publish()
    response = Client().get(home.url)
    assert response["X-Page-Cache"] == "miss"
    assert "A brand new heading" in response.content.decode()


def test_unpublishing_a_vacancy_removes_it_from_the_cached_home_page(home):
    vacancy = VacancyPageFactory(title="Senior practitioner, Hub")
    assert "Senior practitioner, Hub" in Client().get(home.url).content.decode()
    vacancy.unpublish()
    assert "Senior practitioner, Hub" not in Client().get(home.url).content.decode()


def test_a_vacancy_page_stops_offering_to_apply_when_it_closes(home, monkeypatch):
    vacancy = VacancyPageFactory(closes_at=timezone.now() + datetime.timedelta(hours=1))
    Client().get(vacancy.url)
    cached = Client().get(vacancy.url)
    assert cached["X-Page-Cache"] == "hit"
    assert "Apply for this job" in cached.content.decode()
    later = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    after = Client().get(vacancy.url).content.decode()
    assert "Apply for this job" not in after
    assert "no longer taking applications" in after


def test_a_menu_change_shows_on_every_cached_page(home, django_capture_on_commit_callbacks):
    site = Site.objects.get(is_default_site=True)
    menu = NavigationSettings.for_site(site)
    Client().get(home.url)
    assert Client().get(home.url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        MainMenuItem.objects.create(setting=menu, link_url="/somewhere/", link_text="Somewhere new")
    response = Client().get(home.url)
    assert "Somewhere new" in response.content.decode()


def test_a_form_on_a_cached_page_carries_each_visitors_own_csrf_token(home):
    index = vacancy_index()
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    first, second = Client(), Client()
    one = first.get(index.url)
    two = second.get(index.url)
    assert two["X-Page-Cache"] == "hit"
    assert token.search(one.content.decode()).group(1) != token.search(two.content.decode()).group(
        1
    )
    # The second visitor has their own cookie, and the form they got posts with it.
    assert "csrftoken" in two.cookies
    assert "csrftoken" in one.cookies
    assert two.cookies["csrftoken"].value != one.cookies["csrftoken"].value


def test_post_requests_are_never_cached(home):
    Client().get(home.url)
    response = Client().post(home.url)
    assert "X-Page-Cache" not in response


def test_the_academy_filter_form_is_rendered_once_and_shows_a_new_category(home):
    from academy.factories import academy_index
    from academy.models import CourseCategory

    index = academy_index()
    CourseCategory.objects.create(name="Court skills", slug="court-skills")
    first = Client().get(index.url)
    assert "Court skills" in first.content.decode()
    with CaptureQueriesContext(connection) as uncached:
        Client().get(index.url + "?format=e_learning")
    with CaptureQueriesContext(connection) as cached:
        again = Client().get(index.url + "?format=e_learning")
    assert len(cached) < len(uncached)
    assert 'value="e_learning" selected' in again.content.decode()
    CourseCategory.objects.create(name="Life story work", slug="life-story-work")
    assert "Life story work" in Client().get(index.url + "?format=e_learning").content.decode()
