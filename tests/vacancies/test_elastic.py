"""The Elasticsearch path (vacancies/elastic.py), checked without a server: the index mapping,
every request body the listing builds, and how a recorded response becomes the page."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from elasticsearch.dsl.response import Response

from vacancies import elastic
from vacancies.factories import VacancyPageFactory

NOW = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)


def test_the_index_maps_text_for_searching_and_keywords_for_facets():
    mapping = elastic.VacancyDocument._doc_type.mapping.to_dict()["properties"]
    assert mapping["title"] == {
        "type": "text",
        "analyzer": "english",
        "fields": {"raw": {"type": "keyword"}},
    }
    assert mapping["body"] == {"type": "text", "analyzer": "english"}
    for name in ("role_family", "locality", "employment_type", "working_pattern"):
        assert mapping[name] == {"type": "keyword"}
    assert mapping["salary_max"] == {"type": "integer"}
    assert mapping["closes_at"] == {"type": "date"}


@pytest.mark.django_db
def test_a_vacancy_becomes_a_document_keyed_by_its_page():
    page = VacancyPageFactory(title="Senior social worker", salary_max=45000)
    doc = elastic.VacancyDocument.from_page(page)
    data = doc.to_dict(include_meta=True)
    assert data["_id"] == page.pk
    assert data["_source"]["title"] == "Senior social worker"
    assert data["_source"]["role_family"] == page.role_family.slug
    assert data["_source"]["salary_max"] == 45000


def test_a_keyword_search_with_filters_is_one_request_with_every_count():
    criteria = {
        "q": "social worker",
        "role_family": ["social-workers"],
        "locality": ["east", "west"],
        "min_salary": 40000,
    }
    body = elastic.build_search(criteria, NOW, start=40, size=20)._s.to_dict()
    assert body["from"] == 40 and body["size"] == 20
    assert body["track_total_hits"] is True
    assert body["_source"] == ["page_id"]
    query = body["query"]["bool"]
    assert query["must"] == [
        {
            "multi_match": {
                "query": "social worker",
                "fields": ["title^3", "body"],
                "operator": "and",
                "type": "cross_fields",
            }
        }
    ]
    assert query["filter"] == [{"range": {"closes_at": {"gt": NOW.isoformat()}}}]
    # Results are narrowed by every filter; each facet's counts by every *other* filter.
    post = body["post_filter"]["bool"]["must"]
    assert {"terms": {"role_family": ["social-workers"]}} in post
    assert {"terms": {"locality": ["east", "west"]}} in post
    assert {"range": {"salary_max": {"gte": 40000}}} in post
    locality_counts = body["aggs"]["_filter_locality"]["filter"]["bool"]["must"]
    assert {"terms": {"role_family": ["social-workers"]}} in locality_counts
    assert {"terms": {"locality": ["east", "west"]}} not in locality_counts
    assert body["aggs"]["_filter_locality"]["aggs"]["locality"]["terms"]["field"] == "locality"
    salary = body["aggs"]["_filter_min_salary"]["aggs"]["min_salary"]["range"]
    assert {"key": "40000", "from": 40000} in salary["ranges"]
    # Words are searched: best match first.
    assert body["sort"] == ["_score", "closes_at", "page_id"]


@pytest.mark.parametrize(
    ("criteria", "sort"),
    [
        ({}, ["closes_at", "page_id"]),
        ({"sort": "relevance"}, ["closes_at", "page_id"]),  # no words: nothing to rank
        ({"q": "nurse", "sort": "newest"}, [{"first_published_at": {"order": "desc"}}, "page_id"]),
        ({"sort": "salary"}, [{"salary_max": {"order": "desc"}}, "closes_at", "page_id"]),
    ],
)
def test_each_order_the_listing_offers(criteria, sort):
    body = elastic.build_search(criteria, NOW)._s.to_dict()
    assert body["sort"] == sort
    if not criteria.get("q"):
        assert body["query"] == {
            "bool": {"filter": [{"range": {"closes_at": {"gt": NOW.isoformat()}}}]}
        }
        assert "post_filter" not in body


def recorded(ids, total):
    """What Elasticsearch 9 answers for a faceted search (trimmed to what is read)."""

    def buckets(**counts):
        return {"buckets": [{"key": k, "doc_count": n} for k, n in counts.items()]}

    return {
        "took": 3,
        "timed_out": False,
        "hits": {
            "total": {"value": total, "relation": "eq"},
            "max_score": 2.1,
            "hits": [
                {
                    "_index": "southampton_way_vacancies",
                    "_id": str(pk),
                    "_score": 2.0 - i / 10,
                    "_source": {"page_id": pk},
                }
                for i, pk in enumerate(ids)
            ],
        },
        "aggregations": {
            "_filter_role_family": {
                "doc_count": total,
                "role_family": buckets(**{"social-workers": 7}),
            },
            "_filter_locality": {"doc_count": total, "locality": buckets(east=4, west=3)},
            "_filter_employment_type": {
                "doc_count": total,
                "employment_type": buckets(permanent=7),
            },
            "_filter_working_pattern": {
                "doc_count": total,
                "working_pattern": buckets(full_time=6),
            },
            "_filter_min_salary": {
                "doc_count": total,
                "min_salary": {
                    "buckets": [
                        {"key": "40000", "from": 40000.0, "doc_count": 5},
                        {"key": "45000", "from": 45000.0, "doc_count": 2},
                    ]
                },
            },
        },
    }


def test_a_recorded_response_gives_the_ids_in_order_the_total_and_the_counts():
    search = elastic.build_search({"q": "social worker"}, NOW)
    result = elastic.read_response(Response(search._s, recorded([12, 5, 9], total=7)))
    assert result.ids == [12, 5, 9]
    assert result.total == 7
    assert result.counts["locality"] == {"east": 4, "west": 3}
    assert result.counts["min_salary"] == {40000: 5, 45000: 2}


@pytest.mark.django_db
def test_the_listing_shows_a_recorded_response_in_its_order_with_its_counts(
    settings, monkeypatch, index
):
    settings.ELASTICSEARCH_URL = "http://elasticsearch.invalid:9200"
    settings.PORTAL_PAGE_CACHE = False
    first = VacancyPageFactory(
        title="Team manager, East", closes_at=timezone.now() + datetime.timedelta(days=30)
    )
    second = VacancyPageFactory(title="Senior practitioner, West")
    requests = []

    def execute(self, ignore_cache=False):
        requests.append(self._s.to_dict())
        return Response(self._s, recorded([second.pk, first.pk], total=2))

    monkeypatch.setattr(elastic, "connect", lambda: None)
    monkeypatch.setattr(elastic.VacancySearch, "execute", execute)
    body = Client().get(index.url + "?q=social+worker&locality=east").content.decode()
    assert len(requests) == 1  # one request: results, total and counts together
    assert body.index("Senior practitioner, West") < body.index("Team manager, East")
    assert "2 jobs" in body or "2 vacancies" in body
