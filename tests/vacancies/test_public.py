"""The public side: listing, search, filters, facets, closed vacancies, JSON-LD, feed."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from accounts.factories import LocalityFactory, TeamFactory
from accounts.models import EmploymentType
from tests.sitemap import sitemap_text
from vacancies.factories import RoleFamilyFactory, VacancyPageFactory
from vacancies.models import VacancyPage


@pytest.fixture
def jobs(index):
    east = TeamFactory(name="East Family Safeguarding Team", locality=LocalityFactory(name="East"))
    west = TeamFactory(name="West Locality Team", locality=LocalityFactory(name="West"))
    sw = RoleFamilyFactory(name="Social workers")
    send = RoleFamilyFactory(name="SEND")
    now = timezone.now()
    return {
        "senior": VacancyPageFactory(
            title="Senior social worker",
            team=east,
            role_family=sw,
            salary_max=45500,
            closes_at=now + datetime.timedelta(days=5),
            published_at=now - datetime.timedelta(days=9),
        ),
        "locum": VacancyPageFactory(
            title="Locum social worker",
            team=west,
            role_family=sw,
            salary_max=44000,
            employment_type=EmploymentType.AGENCY,
            closes_at=now + datetime.timedelta(days=2),
            published_at=now - datetime.timedelta(days=1),
        ),
        "send": VacancyPageFactory(
            title="SEND casework officer",
            team=west,
            role_family=send,
            salary_max=33000,
            summary="Coordinate education, health and care plans.",
            requires_swe_registration=False,
            closes_at=now + datetime.timedelta(days=30),
            published_at=now - datetime.timedelta(days=4),
        ),
        "closed": VacancyPageFactory(
            title="Closed social worker post",
            team=east,
            role_family=sw,
            closes_at=now - datetime.timedelta(days=1),
        ),
    }


def titles(response):
    return re.findall(
        r'<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="[^"]+">([^<]+)</a>',
        response.content.decode(),
    )


def test_the_listing_shows_open_vacancies_soonest_closing_first_and_hides_closed_ones(client, jobs):
    response = client.get("/vacancies/")
    assert response.status_code == 200
    assert titles(response) == [
        "Locum social worker",
        "Senior social worker",
        "SEND casework officer",
    ]
    assert "3 vacancies" in response.content.decode()


def test_sorting_by_newest_and_by_salary(client, jobs):
    assert titles(client.get("/vacancies/?sort=newest"))[0] == "Locum social worker"
    assert titles(client.get("/vacancies/?sort=salary")) == [
        "Senior social worker",
        "Locum social worker",
        "SEND casework officer",
    ]


def test_full_text_search_and_filters_combine_and_live_in_the_url(client, jobs):
    response = client.get("/vacancies/?q=social+worker&employment_type=agency")
    assert titles(response) == ["Locum social worker"]
    response = client.get("/vacancies/?q=education+plans")
    assert titles(response) == ["SEND casework officer"]
    response = client.get("/vacancies/?role_family=social-workers&min_salary=45000")
    assert titles(response) == ["Senior social worker"]
    response = client.get("/vacancies/?locality=west")
    assert set(titles(response)) == {"Locum social worker", "SEND casework officer"}


def current_sort(body):
    return re.findall(r'<strong aria-current="true">([^<]+)</strong>', body)


def test_the_sort_links_say_which_order_the_results_are_in(client, jobs):
    from django.db import connection

    ranked = connection.vendor == "postgresql"  # only PostgreSQL ranks the words here
    assert current_sort(client.get("/vacancies/").content.decode()) == ["Closing soonest"]
    body = client.get("/vacancies/?q=social+worker").content.decode()
    assert current_sort(body) == ["Best match" if ranked else "Closing soonest"]
    body = client.get("/vacancies/?q=social+worker&sort=newest").content.decode()
    assert current_sort(body) == ["Newest"]
    # A way back to the best match, offered only where there is one.
    assert ('sort=relevance">Best match</a>' in body) is ranked
    assert ("Best match" in body) is ranked


def test_facet_counts_sit_beside_each_option(client, jobs):
    body = client.get("/vacancies/?employment_type=permanent").content.decode()
    # Other groups count with the employment filter applied; its own group ignores it.
    assert re.search(r"Social workers <span class=\"portal-filter-count\">\(1\)", body)
    assert re.search(r"SEND <span class=\"portal-filter-count\">\(1\)", body)
    assert re.search(r"Agency \(locum\) <span class=\"portal-filter-count\">\(1\)", body)
    assert re.search(r"Permanent <span class=\"portal-filter-count\">\(2\)", body)


def test_an_empty_search_says_so_and_offers_a_way_back(client, jobs):
    body = client.get("/vacancies/?q=astronaut").content.decode()
    assert "0 vacancies" in body
    assert "No vacancies match your search" in body
    assert "See all vacancies" in body


def test_a_very_long_search_is_searched_by_its_first_words_not_ignored(client, jobs):
    # Only the first 100 characters count; what follows them is left out.
    long_query = "education plans".ljust(100) + "astronaut " * 20
    response = client.get("/vacancies/", {"q": long_query})
    assert titles(response) == ["SEND casework officer"]  # not all three, as if ignored


def test_bad_filter_values_are_ignored_rather_than_failing(client, jobs):
    response = client.get("/vacancies/?min_salary=lots&sort=drop+table&page=999")
    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_pagination_keeps_the_filters(client, index):
    for n in range(23):
        VacancyPageFactory(title=f"Social worker {n:02d}")
    body = client.get("/vacancies/?q=social").content.decode()
    assert "q=social&amp;page=2" in body
    assert len(titles(client.get("/vacancies/?q=social&page=2"))) == 3


def job_posting(response):
    scripts = re.findall(
        r'<script type="application/ld\+json" nonce="[^"]+">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    for script in scripts:
        data = json.loads(script)
        if data["@type"] == "JobPosting":
            return data
    return None


def test_a_vacancy_page_carries_job_posting_json_ld(client, jobs):
    vacancy = jobs["senior"]
    response = client.get(vacancy.url)
    data = job_posting(response)
    for key in [
        "title",
        "description",
        "datePosted",
        "validThrough",
        "hiringOrganization",
        "jobLocation",
        "employmentType",
        "baseSalary",
        "identifier",
        "directApply",
    ]:
        assert key in data, key
    assert data["title"] == "Senior social worker"
    assert data["identifier"]["value"] == vacancy.reference
    assert data["baseSalary"]["currency"] == "GBP"
    assert data["baseSalary"]["value"]["maxValue"] == 45500
    assert data["employmentType"] == "FULL_TIME"
    assert data["directApply"] is True
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert f'nonce="{nonce}"' in response.content.decode()


def test_a_closed_vacancy_says_so_refuses_applications_and_drops_its_json_ld(client, jobs):
    response = client.get(jobs["closed"].url)
    body = response.content.decode()
    assert "It is no longer taking applications" in body
    assert "Apply for this job" not in body
    assert job_posting(response) is None


def test_the_sitemap_lists_open_vacancies_only(client, jobs):
    body = sitemap_text(client)
    assert jobs["senior"].url in body
    assert jobs["closed"].url not in body


def test_the_atom_feed_lists_live_vacancies(client, jobs):
    response = client.get("/vacancies/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Senior social worker" in body
    assert "Closed social worker post" not in body


def test_sections_show_latest_vacancies_and_a_familys_open_vacancies(rf, jobs):
    from django.contrib.auth.models import AnonymousUser

    from core.sections import render_sections

    request = rf.get("/")
    request.user = AnonymousUser()
    home = render_sections("home", request, None)
    assert "Locum social worker" in home

    class FamilyPage:
        role_family_id = jobs["senior"].role_family_id
        role_family = jobs["senior"].role_family

    family = render_sections("role_family", request, FamilyPage())
    assert family.index("Locum social worker") < family.index("Senior social worker")
    assert "SEND casework officer" not in family


def test_vacancy_page_type_rules():
    from home.models import HomePage
    from vacancies.models import VacancyIndexPage

    assert VacancyIndexPage.parent_page_types == ["home.HomePage"]
    assert VacancyPage.parent_page_types == ["vacancies.VacancyIndexPage"]
    assert HomePage in VacancyIndexPage.allowed_parent_page_models()
