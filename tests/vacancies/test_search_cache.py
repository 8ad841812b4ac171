"""The listing's cached facet counts and total follow publishing, closing and unpublishing,
and the listing costs the same number of queries however many vacancies there are."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.factories import LocalityFactory, TeamFactory
from vacancies.factories import RoleFamilyFactory, VacancyPageFactory
from vacancies.queries import search_vacancies

from .test_public import jobs, titles  # noqa: F401 - the shared fixture and helper


def count_beside(body, label):
    match = re.search(
        rf">{re.escape(label)} <span class=\"portal-filter-count\">\((\d+)\)</span>", body
    )
    return int(match.group(1))


def heading(body):
    return re.search(r'id="results-count"[^>]*>([^<]+)<', body).group(1).strip()


def test_a_published_vacancy_shows_in_cached_counts_at_once(client, jobs):  # noqa: F811
    draft = VacancyPageFactory(
        title="SEND inclusion officer", role_family=jobs["send"].role_family, live=False
    )
    body = client.get("/vacancies/").content.decode()
    assert heading(body) == "3 vacancies"
    assert count_beside(body, "SEND") == 1

    draft.save_revision().publish()

    body = client.get("/vacancies/").content.decode()
    assert heading(body) == "4 vacancies"
    assert count_beside(body, "SEND") == 2
    assert "SEND inclusion officer" in titles(client.get("/vacancies/"))


def test_an_unpublished_vacancy_leaves_cached_counts_and_results(client, jobs):  # noqa: F811
    body = client.get("/vacancies/?role_family=social-workers").content.decode()
    assert heading(body) == "2 vacancies match your search"

    jobs["locum"].unpublish()

    response = client.get("/vacancies/?role_family=social-workers")
    assert heading(response.content.decode()) == "1 vacancy matches your search"
    assert titles(response) == ["Senior social worker"]


def test_a_vacancy_that_closes_leaves_cached_results_and_counts(client, jobs, monkeypatch):  # noqa: F811
    body = client.get("/vacancies/?role_family=social-workers").content.decode()
    assert heading(body) == "2 vacancies match your search"
    assert count_beside(body, "Agency (locum)") == 1

    # Time passes the locum post's closing time; nothing is saved, no signal fires.
    later = jobs["locum"].closes_at + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    response = client.get("/vacancies/?role_family=social-workers")
    body = response.content.decode()
    assert titles(response) == ["Senior social worker"]
    assert heading(body) == "1 vacancy matches your search"
    assert count_beside(body, "Agency (locum)") == 0


def test_closing_while_cached_is_honoured_to_the_second(jobs):  # noqa: F811
    closes = jobs["locum"].closes_at
    before = search_vacancies({}, now=closes - datetime.timedelta(seconds=1))
    assert before.count == 3
    after = search_vacancies({}, now=closes)
    assert after.count == 2
    assert jobs["locum"].pk not in {v.pk for v in after.queryset}


def test_cached_counts_are_per_search(client, jobs):  # noqa: F811
    assert heading(client.get("/vacancies/?q=casework").content.decode()) == (
        "1 vacancy matches your search"
    )
    assert heading(client.get("/vacancies/?q=Casework++OFFICER").content.decode()) == (
        "1 vacancy matches your search"
    )
    assert heading(client.get("/vacancies/?role_family=social-workers").content.decode()) == (
        "2 vacancies match your search"
    )
    assert heading(client.get("/vacancies/?locality=west").content.decode()) == (
        "2 vacancies match your search"
    )


def listing_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/vacancies/?q=social+worker&employment_type=permanent",
        "/vacancies/?role_family=social-workers&locality=east&min_salary=30000&page=2",
    ],
)
def test_the_listing_costs_the_same_queries_for_10_and_40_vacancies(client, index, url):
    east = TeamFactory(name="East Family Safeguarding Team", locality=LocalityFactory(name="East"))

    def add(start, stop):
        for n in range(start, stop):
            family = RoleFamilyFactory(name=f"Family {n % 7}" if n % 2 else "Social workers")
            VacancyPageFactory(
                title=f"Social worker {n:02d}", role_family=family, team=east, salary_max=35000
            )

    add(0, 10)
    client.get(url)  # site root, settings and menus are cached after one request
    cache.clear()
    cold_10 = listing_queries(client, url)
    warm_10 = listing_queries(client, url)

    add(10, 40)
    cache.clear()
    cold_40 = listing_queries(client, url)
    warm_40 = listing_queries(client, url)

    assert (cold_10, warm_10) == (cold_40, warm_40)
    # With the counts cached, a request skips the counting and the option lists.
    assert warm_40 < cold_40


def test_an_edited_vacancy_moves_between_cached_counts(client, jobs):  # noqa: F811
    body = client.get("/vacancies/").content.decode()
    assert count_beside(body, "£50,000 or more") == 0

    locum = jobs["locum"]
    locum.salary_min, locum.salary_max = 47000, 52000
    locum.save_revision().publish()

    body = client.get("/vacancies/").content.decode()
    assert count_beside(body, "£50,000 or more") == 1
    assert "£47,000 to £52,000 a year" in body


def test_a_renamed_role_family_shows_its_new_name_in_the_filters(client, jobs):  # noqa: F811
    assert count_beside(client.get("/vacancies/").content.decode(), "SEND") == 1

    family = jobs["send"].role_family
    family.name = "SEND and inclusion"
    family.save()

    body = client.get("/vacancies/").content.decode()
    assert count_beside(body, "SEND and inclusion") == 1
