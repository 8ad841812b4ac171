"""The site search: finds pages, highlights what matched, paginates."""

import re

import pytest
from wagtail.models import Page

from cms import factories as f
from tests.cms.tree import build_tree

pytestmark = pytest.mark.django_db


def test_search_finds_pages_and_highlights_the_words_searched_for(client):
    pages = build_tree()
    page = f.StandardPageFactory(
        parent=pages["HomePage"],
        title="Skills to Foster training",
        slug="skills",
        search_description="Preparation training for new foster carers.",
    )
    page.save_revision().publish()
    html = client.get("/search/?q=foster").content.decode()
    results = re.search(r'<ol class="portal-search-results".*?</ol>', html, re.S).group(0)
    assert "Skills to <mark>Foster</mark> training" in results
    assert "new <mark>foster</mark> carers" in results
    assert "Inspection news" not in results


def test_search_results_are_paginated(client):
    pages = build_tree()
    for n in range(13):
        f.StandardPageFactory(parent=pages["HomePage"], title=f"Respite care guide {n}")
    first = client.get("/search/?q=respite").content.decode()
    assert "13 results for “respite”" in first
    assert len(re.findall(r'class="portal-search-result"', first)) == 10
    assert 'href="?q=respite&amp;page=2"' in first
    second = client.get("/search/?q=respite&page=2").content.decode()
    assert len(re.findall(r'class="portal-search-result"', second)) == 3


def test_search_never_shows_drafts_and_escapes_what_was_typed(client):
    pages = build_tree()
    draft = f.StandardPageFactory(parent=pages["HomePage"], title="Secret restructure")
    draft.unpublish()
    html = client.get("/search/?q=restructure <b>x</b>").content.decode()
    assert "Secret restructure" not in html
    assert "<b>x</b>" not in html
    assert Page.objects.filter(title="Secret restructure", live=False).exists()


def test_an_empty_search_shows_only_the_form(client):
    build_tree()
    html = client.get("/search/").content.decode()
    assert 'name="q"' in html and "results for" not in html


def test_a_search_with_no_matches_says_what_to_try(client):
    build_tree()
    html = client.get("/search/?q=zzzzqqq").content.decode()
    assert "0 results" in html and "Check your spelling" in html


def test_search_leaves_out_vacancies_that_have_closed(client):
    import datetime

    from django.utils import timezone

    from vacancies.factories import VacancyPageFactory

    build_tree()
    VacancyPageFactory(title="Open post: Jigsaw team social worker")
    VacancyPageFactory(
        title="Closed post: Jigsaw team manager",
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    html = client.get("/search/?q=jigsaw").content.decode()
    assert "1 result for “jigsaw”" in html
    assert "Open post" in html and "Closed post" not in html


def test_a_result_without_a_search_description_is_summarised_by_its_intro(client):
    pages = build_tree()
    f.StandardPageFactory(
        parent=pages["HomePage"],
        title="Respite for carers",
        intro="Short breaks that give foster carers time to rest.",
        search_description="",
    ).save_revision().publish()
    html = client.get("/search/?q=respite").content.decode()
    assert "Short breaks that give foster carers time to rest." in html


def test_search_terms_are_counted_once_per_search_and_forgotten_after_the_retention_period(
    client, settings
):
    import datetime

    from django.utils import timezone
    from wagtail.contrib.search_promotions.models import Query

    from cms.tasks import forget_old_search_terms

    pages = build_tree()
    for n in range(13):
        f.StandardPageFactory(parent=pages["HomePage"], title=f"Respite care guide {n}")
    client.get("/search/?q=respite")
    client.get("/search/?q=respite&page=2")
    assert Query.get("respite").hits == 1

    settings.WAGTAILSEARCH_HITS_MAX_AGE = 30
    Query.get("jo bloggs 12 acacia avenue").add_hit(
        date=timezone.localdate() - datetime.timedelta(days=31)
    )
    forget_old_search_terms.delay()
    assert list(Query.objects.values_list("query_string", flat=True)) == ["respite"]
