"""Each page type makes the same number of queries whatever the size of the tree."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.cms.tree import build_tree

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    "HomePage",
    "StoryIndexPage",
    "StoryPage",
    "WorkWithUsPage",
    "RoleFamilyPage",
    "NewsIndexPage",
    "NewsArticlePage",
    "FosteringLandingPage",
    "FosteringContentPage",
    "StandardPage",
    "SearchPage",
]


def _queries(url):
    client = Client()
    client.get(url)  # warm caches that any real visitor would also have warm (renditions)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_query_counts_do_not_grow_with_the_tree(settings):
    settings.PORTAL_PAGE_CACHE = False  # the cost of an uncached page (the first visitor's)
    small = build_tree(size=2)
    urls = {name: small[name].url for name in PAGE_TYPES}
    urls["SearchPage"] += "?q=news"
    before = {name: _queries(url) for name, url in urls.items()}
    build_tree(size=25)  # 23 more of every repeating page type
    after = {name: _queries(url) for name, url in urls.items()}
    assert after == before
