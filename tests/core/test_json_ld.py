"""JSON-LD is printed one way everywhere, escaped: a title cannot close its script element."""

import json
import re

import pytest
from django.test import Client

from academy.factories import CoursePageFactory, academy_index
from vacancies.factories import VacancyPageFactory, vacancy_index

pytestmark = pytest.mark.django_db

HOSTILE = "Social worker </script><script>alert(1)</script>"
SCRIPTS = re.compile(r'<script type="application/ld\+json" nonce="[^"]+">(.*?)</script>', re.S)


def json_ld_blocks(response) -> list[dict]:
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    return [json.loads(block) for block in SCRIPTS.findall(html)]


def names(blocks) -> list[str]:
    found = []
    for block in blocks:
        if block["@type"] == "BreadcrumbList":
            found += [item["name"] for item in block["itemListElement"]]
        else:
            found.append(block["title"])
    return found


def test_a_vacancy_title_with_a_closing_script_tag_stays_inside_its_json_ld():
    vacancy = VacancyPageFactory(title=HOSTILE)
    blocks = json_ld_blocks(Client().get(vacancy.url))
    assert {block["@type"] for block in blocks} == {"JobPosting", "BreadcrumbList"}
    assert names(blocks).count(HOSTILE) == 2


def test_an_ancestor_title_with_a_closing_script_tag_stays_inside_the_breadcrumbs():
    index = vacancy_index()
    index.title = HOSTILE
    index.save_revision().publish()
    vacancy = VacancyPageFactory(parent=index)
    blocks = json_ld_blocks(Client().get(vacancy.url))
    assert HOSTILE in names(blocks)


def test_an_academy_page_prints_escaped_json_ld():
    index = academy_index()
    course = CoursePageFactory(parent=index, title=HOSTILE)
    blocks = json_ld_blocks(Client().get(course.url))
    assert names(blocks)[-1] == HOSTILE
