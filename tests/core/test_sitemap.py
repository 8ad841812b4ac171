"""/sitemap.xml: an index of sections that a crawler can read without taking the site down."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from academy.factories import CoursePageFactory, academy_index
from fostering.factories import InformationEventFactory
from portal import sitemaps
from vacancies.factories import VacancyPageFactory, vacancy_index

pytestmark = pytest.mark.django_db

LOC = re.compile(r"<loc>([^<]+)</loc>")


def locs(response) -> list[str]:
    assert response.status_code == 200
    return LOC.findall(response.content.decode())


def queries(url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert Client().get(url).status_code == 200
    return len(captured)


def add_content(n):
    index = vacancy_index()
    courses = academy_index()
    for _ in range(n):
        VacancyPageFactory(parent=index)
        CoursePageFactory(parent=courses)
        InformationEventFactory()
    VacancyPageFactory(parent=index, title="Closed post", slug=f"closed-{n}", live=False)


def test_the_index_lists_each_section_and_each_section_its_own_addresses():
    add_content(2)
    closed = VacancyPageFactory(closes_at=timezone.now() - datetime.timedelta(days=1))
    sections = locs(Client().get("/sitemap.xml"))
    assert sections == [f"http://testserver/sitemap-{name}.xml" for name in sitemaps.SECTIONS]
    vacancies = locs(Client().get("/sitemap-vacancies.xml"))
    assert len(vacancies) == 2
    assert all("/vacancies/vacancy-" in loc for loc in vacancies)
    assert not any(closed.url in loc for loc in vacancies)
    assert len(locs(Client().get("/sitemap-courses.xml"))) == 2
    assert len(locs(Client().get("/sitemap-events.xml"))) == 2
    pages = locs(Client().get("/sitemap-pages.xml"))
    assert f"{Site.objects.get(is_default_site=True).root_url}/vacancies/" in pages
    assert not any("/vacancy-" in loc for loc in pages)


def test_queries_per_section_do_not_grow_with_the_data(settings):
    settings.PORTAL_PAGE_CACHE = False
    urls = ["/sitemap.xml", *(f"/sitemap-{name}.xml" for name in sitemaps.SECTIONS)]
    add_content(2)
    Client().get("/sitemap.xml")  # first-visit reads (settings rows, site root paths)
    before = {url: queries(url) for url in urls}
    add_content(20)
    after = {url: queries(url) for url in urls}
    assert after == before
    # The index: a count and a latest date per section; a section page: a count and a select.
    assert after["/sitemap.xml"] <= 10
    assert max(count for url, count in after.items() if url != "/sitemap.xml") <= 4


def test_djangos_paging_is_honoured(monkeypatch):
    add_content(3)
    monkeypatch.setattr(sitemaps.VacanciesSitemap, "limit", 2)
    sections = locs(Client().get("/sitemap.xml"))
    assert "http://testserver/sitemap-vacancies.xml?p=2" in sections
    first = locs(Client().get("/sitemap-vacancies.xml"))
    second = locs(Client().get("/sitemap-vacancies.xml?p=2"))
    assert len(first) == 2 and len(second) == 1 and not set(first) & set(second)
    assert Client().get("/sitemap-vacancies.xml?p=3").status_code == 404


def test_the_cached_sitemap_shows_a_new_vacancy_at_once():
    add_content(1)
    Client().get("/sitemap-vacancies.xml")
    assert Client().get("/sitemap-vacancies.xml")["X-Page-Cache"] == "hit"
    vacancy = VacancyPageFactory(slug="just-published")
    assert any(vacancy.url in loc for loc in locs(Client().get("/sitemap-vacancies.xml")))
