"""Whatever a person types into a search box, and whatever bytes a URL can carry, the
site search, the vacancy search and the training catalogue answer with results or a
clear "no results", never a server error."""

import re

import pytest

from academy.factories import academy_index
from cms import factories as f
from tests.cms.tree import build_tree
from vacancies.factories import vacancy_index

pytestmark = pytest.mark.django_db

ODD_INPUT = [
    '"',
    '""',
    '"foster',
    "%00",
    "foster%00care",
    "%01%02%1F%7F",
    "*",
    "foster*",
    "^",
    "(",
    ")",
    "-",
    "- -",
    "NOT",
    "AND OR NOT",
    "NEAR(",
    "foster:care",
    "{foster}",
    "'",
    "\\",
    "%25",
    "%C0%80",
    "%FF%FE",
    "%ED%A0%80",
    "%F0%9F%98%80",
    "%E2%80%AE",
    "a" * 5000,
    "%00" * 300,
    "&",
    "+",
    "<script>",
]


@pytest.fixture
def sections():
    pages = build_tree()
    page = f.StandardPageFactory(parent=pages["HomePage"], title="Foster care guide")
    page.save_revision().publish()
    vacancy_index()
    academy_index()


@pytest.mark.parametrize("path", ["/search/", "/vacancies/", "/academy/"])
def test_odd_search_input_never_gives_a_server_error(client, sections, path):
    answers = {typed: client.get(f"{path}?q={typed}").status_code for typed in ODD_INPUT}

    assert {typed: code for typed, code in answers.items() if code != 200} == {}


def test_the_site_search_logs_the_cleaned_words_and_still_finds_the_page(client, sections):
    from wagtail.contrib.search_promotions.models import Query

    html = client.get('/search/?q="foster%00care').content.decode()

    assert "Foster care guide" in re.sub(r"</?mark>", "", html)
    assert list(Query.objects.values_list("query_string", flat=True)) == ["foster care"]


def test_input_with_no_words_searches_for_nothing(client, sections):
    from wagtail.contrib.search_promotions.models import Query

    assert client.get('/search/?q="%00*').status_code == 200
    assert not Query.objects.exists()


@pytest.mark.parametrize(
    "typed, cleaned",
    [
        ('"', ""),
        ('"social work"', "social work"),
        ("foster\x00care", "foster care"),
        ("Zoë  O’Brien-Smith", "Zoë O Brien Smith"),
        ("ＦＯＳＴＥＲ", "FOSTER"),
        ("a" * 500, "a" * 200),
    ],
)
def test_search_text_keeps_the_words(typed, cleaned):
    from core.search import clean_search_text

    assert clean_search_text(typed.replace("\\x00", "\x00")) == cleaned
