"""Searching and filtering live vacancies, with facet counts.

Full text goes through the fastest engine available: Elasticsearch when the portal is
configured with one (Wagtail's backend), PostgreSQL's own full-text search over a stored,
GIN-indexed tsvector column otherwise (migration 0003), and Wagtail's database
backend on SQLite. Filters and facet counts are plain ORM aggregates: one query per facet,
whatever the number of options.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import Count, F, Q
from django.utils import timezone

from accounts.models import EmploymentType, Locality, RoleFamily
from vacancies.forms.search import SALARY_STEPS
from vacancies.models import VacancyPage
from vacancies.models.pages import WorkingPattern

FACETS = {
    "role_family": "role_family__slug",
    "locality": "locality__slug",
    "employment_type": "employment_type",
    "working_pattern": "working_pattern",
}
ORDERINGS = {
    "closing": ["closes_at", "pk"],
    "newest": ["-first_published_at", "pk"],
    "salary": ["-salary_max", "closes_at", "pk"],
}


def open_vacancies(now=None):
    now = now or timezone.now()
    return VacancyPage.objects.live().filter(closes_at__gt=now)


def _uses_elasticsearch() -> bool:
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    return "elasticsearch" in backend


def text_filter(queryset, q: str):
    """Narrow `queryset` to vacancies matching the words in `q`; returns (qs, ranked)."""
    q = (q or "").strip()
    if not q:
        return queryset, False
    if connection.vendor == "postgresql" and not _uses_elasticsearch():
        from django.contrib.postgres.search import SearchQuery, SearchRank

        query = SearchQuery(q, config="english", search_type="websearch")
        # The stored, GIN-indexed vector (see VacancyPage.save and migration 0003).
        return (
            queryset.filter(search_vector=query).annotate(
                rank=SearchRank(F("search_vector"), query)
            ),
            True,
        )
    # Wagtail's search backend (Elasticsearch in production, the database elsewhere).
    ids = [page.pk for page in VacancyPage.objects.live().search(q, operator="and")[:2000]]
    return queryset.filter(pk__in=ids), False


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResult:
    queryset: object
    count: int
    facets: dict[str, list[FacetOption]] = field(default_factory=dict)


def _filters(criteria: dict, skip: str | None = None) -> Q:
    query = Q()
    for name, lookup in FACETS.items():
        values = criteria.get(name)
        if values and name != skip:
            query &= Q(**{f"{lookup}__in": values})
    if criteria.get("min_salary") and skip != "min_salary":
        query &= Q(salary_max__gte=criteria["min_salary"])
    return query


def search_vacancies(criteria: dict, now=None) -> SearchResult:
    base, ranked = text_filter(open_vacancies(now), criteria.get("q", ""))
    results = base.filter(_filters(criteria)).select_related("role_family", "locality", "team")
    sort = criteria.get("sort") or ("relevance" if ranked else "closing")
    if sort == "relevance" and ranked:
        results = results.order_by("-rank", "closes_at", "pk")
    else:
        results = results.order_by(*ORDERINGS.get(sort, ORDERINGS["closing"]))

    labels = {
        "role_family": dict(RoleFamily.objects.values_list("slug", "name")),
        "locality": dict(Locality.objects.values_list("slug", "name")),
        "employment_type": dict(EmploymentType.choices),
        "working_pattern": dict(WorkingPattern.choices),
    }
    facets = {}
    for name, lookup in FACETS.items():
        # Each facet counts with every *other* filter applied, so ticking a box in one
        # group shows how many results each option of the other groups would give.
        rows = (
            base.filter(_filters(criteria, skip=name))
            .order_by()
            .values(lookup)
            .annotate(n=Count("pk"))
        )
        counts = {row[lookup]: row["n"] for row in rows}
        selected = set(criteria.get(name) or [])
        facets[name] = [
            FacetOption(value, label, counts.get(value, 0), value in selected)
            for value, label in labels[name].items()
        ]
    salary_counts = base.filter(_filters(criteria, skip="min_salary")).aggregate(
        **{f"s{step}": Count("pk", filter=Q(salary_max__gte=step)) for step in SALARY_STEPS}
    )
    facets["min_salary"] = [
        FacetOption(
            str(step),
            f"£{step:,} or more",
            salary_counts[f"s{step}"],
            criteria.get("min_salary") == step,
        )
        for step in SALARY_STEPS
    ]
    return SearchResult(queryset=results, count=results.count(), facets=facets)
