"""Vacancy search on Elasticsearch, when ELASTICSEARCH_URL is set: one `elasticsearch.dsl`
faceted search per listing gives the page of results in relevance (or the chosen) order,
the total and every facet's counts (aggregations, each with the other filters applied).

UNTESTED AGAINST A LIVE SERVER: no Elasticsearch could be run where this was written. The
tests check the index mapping, every request body this module builds (`to_dict()`) and the
reading of a recorded response; PostgreSQL full-text search stays the tested default.

The index holds open and closed live vacancies; the search filters on `closes_at`, so a
vacancy leaves the results the moment it closes without a re-index. Publishing, editing and
unpublishing update the index after the commit (signal_handlers.py); `manage.py
rebuild_vacancy_index` rebuilds it from the database.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from elasticsearch.dsl import (
    Date,
    Document,
    FacetedSearch,
    Integer,
    Keyword,
    RangeFacet,
    TermsFacet,
    Text,
    connections,
)
from elasticsearch.dsl.response import Response

from vacancies.forms.search import SALARY_STEPS

ORDERINGS = {
    "closing": ["closes_at", "page_id"],
    "newest": [{"first_published_at": {"order": "desc"}}, "page_id"],
    "salary": [{"salary_max": {"order": "desc"}}, "closes_at", "page_id"],
    "relevance": ["_score", "closes_at", "page_id"],
}


def index_name() -> str:
    prefix = settings.WAGTAILSEARCH_BACKENDS["default"].get("INDEX", "southampton_way")
    return f"{prefix}_vacancies"


def enabled() -> bool:
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def connect() -> None:
    connections.create_connection(hosts=[settings.ELASTICSEARCH_URL], request_timeout=5)


class VacancyDocument(Document):
    page_id = Integer()
    title = Text(analyzer="english", fields={"raw": Keyword()})
    body = Text(analyzer="english")
    role_family = Keyword()
    locality = Keyword()
    employment_type = Keyword()
    working_pattern = Keyword()
    salary_max = Integer()
    closes_at = Date()
    first_published_at = Date()

    class Index:
        settings = {"number_of_shards": 1, "number_of_replicas": 0}

    @classmethod
    def from_page(cls, page) -> "VacancyDocument":
        doc = cls(
            page_id=page.pk,
            title=page.title,
            body=page.search_text,
            role_family=page.role_family.slug if page.role_family_id else None,
            locality=page.locality.slug if page.locality_id else None,
            employment_type=page.employment_type,
            working_pattern=page.working_pattern,
            salary_max=page.salary_max,
            closes_at=page.closes_at,
            first_published_at=page.first_published_at,
        )
        doc.meta.id = page.pk
        doc.meta.index = index_name()
        return doc


def _salary_ranges():
    # "£40,000 or more": each option counts every vacancy whose top salary reaches it.
    return [(str(step), (step, None)) for step in SALARY_STEPS]


class VacancySearch(FacetedSearch):
    doc_types = [VacancyDocument]
    fields = ["title^3", "body"]
    facets = {
        "role_family": TermsFacet(field="role_family", size=100, min_doc_count=0),
        "locality": TermsFacet(field="locality", size=100, min_doc_count=0),
        "employment_type": TermsFacet(field="employment_type", size=20, min_doc_count=0),
        "working_pattern": TermsFacet(field="working_pattern", size=20, min_doc_count=0),
        "min_salary": RangeFacet(field="salary_max", ranges=_salary_ranges()),
    }

    def __init__(self, *args, now=None, **kwargs):
        self.index = index_name()
        self.now = now or timezone.now()
        super().__init__(*args, **kwargs)

    def query(self, search, query):
        # Every word must match (as the PostgreSQL path's websearch query), title first.
        if query:
            return search.query(
                "multi_match", query=query, fields=self.fields, operator="and", type="cross_fields"
            )
        return search

    def search(self):
        # Only open vacancies, whatever the index holds; `_source` is not needed: the page
        # is read from the database by id, in this order.
        return (
            super()
            .search()
            .filter("range", closes_at={"gt": self.now.isoformat()})
            .source(["page_id"])
            .extra(track_total_hits=True)
        )

    def highlight(self, search):
        return search


def build_search(criteria: dict, now=None, start: int = 0, size: int = 20) -> VacancySearch:
    """The faceted search for the listing's criteria, sliced to one page of results."""
    filters = {
        name: criteria.get(name)
        for name in ("role_family", "locality", "employment_type", "working_pattern")
        if criteria.get(name)
    }
    if criteria.get("min_salary"):
        filters["min_salary"] = str(criteria["min_salary"])
    q = (criteria.get("q") or "").strip()
    sort = criteria.get("sort") or ("relevance" if q else "closing")
    if sort == "relevance" and not q:
        sort = "closing"
    sort = sort if sort in ORDERINGS else "closing"
    search = VacancySearch(q or None, filters=filters, sort=ORDERINGS[sort], now=now)
    search.effective_sort = sort
    return search[start : start + size]


@dataclass
class ElasticResult:
    ids: list[int]
    total: int
    counts: dict  # facet name -> {value: count}


def read_response(response: Response) -> ElasticResult:
    """The page's ids in order, the total and every facet's counts from a response."""
    counts = {}
    for name, facet in VacancySearch.facets.items():
        agg = response.aggregations[f"_filter_{name}"][name]
        if isinstance(facet, RangeFacet):
            counts[name] = {int(bucket["key"]): bucket["doc_count"] for bucket in agg["buckets"]}
        else:
            counts[name] = {bucket["key"]: bucket["doc_count"] for bucket in agg["buckets"]}
    ids = [int(hit.meta.id) for hit in response.hits]
    return ElasticResult(ids=ids, total=response.hits.total.value, counts=counts)


class ResultPages:
    """The results as a sequence Django's Paginator can slice: the first window comes from
    the faceted search already run; another window (a page out of range) runs it again."""

    def __init__(self, criteria, now, start, size, first: ElasticResult):
        self.criteria, self.now = criteria, now
        self.windows = {(start, start + size): first.ids}
        self.total = first.total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, window):
        from vacancies.models import VacancyPage

        start, stop = window.start or 0, window.stop
        # Django's Paginator clips the last page to the total: any window inside one
        # already fetched is served from it.
        for (first, last), fetched in self.windows.items():
            if first <= start and stop <= max(last, first + len(fetched)):
                ids = fetched[start - first : stop - first]
                break
        else:
            search = build_search(self.criteria, self.now, start, stop - start)
            ids = self.windows[(start, stop)] = read_response(search.execute()).ids
        pages = VacancyPage.objects.filter(pk__in=ids).select_related(
            "role_family", "locality", "team"
        )
        by_id = {page.pk: page for page in pages}
        return [by_id[pk] for pk in ids if pk in by_id]


def search(criteria: dict, now, page: int, per_page: int):
    """(ResultPages, total, counts, sort) for the listing, from one faceted search."""
    connect()
    start = (max(page, 1) - 1) * per_page
    faceted = build_search(criteria, now, start, per_page)
    result = read_response(faceted.execute())
    pages = ResultPages(criteria, now, start, per_page, result)
    return pages, result.total, result.counts, faceted.effective_sort


def index_vacancy(page) -> None:
    connect()
    if page.live:
        VacancyDocument.from_page(page).save(index=index_name())
    else:
        remove_vacancy(page.pk)


def rebuild(pages) -> int:
    """Replace the index with these vacancy pages (the management command's work)."""
    from elasticsearch.helpers import bulk

    connect()
    client = connections.get_connection()
    name = index_name()
    client.options(ignore_status=404).indices.delete(index=name)
    VacancyDocument.init(index=name)
    count, _errors = bulk(
        client,
        (
            VacancyDocument.from_page(page).to_dict(include_meta=True)
            for page in pages.iterator(chunk_size=500)
        ),
    )
    return count


def remove_vacancy(page_id) -> None:
    connect()
    client = connections.get_connection().options(ignore_status=404)
    client.delete(index=index_name(), id=str(page_id))
