"""Searching and filtering live vacancies, with facet counts.

Full text goes through the fastest engine available: Elasticsearch when the portal is
configured with one (Wagtail's backend), PostgreSQL's own full-text search over a stored,
GIN-indexed tsvector column otherwise (migration 0003), and Wagtail's database
backend on SQLite. The total and the facet counts come from one query over the text matches
and are kept in the shared cache (search_cache); the page of results is always fresh.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import Case, Count, F, Q, Value, When
from django.utils import timezone

from accounts.models import EmploymentType, Locality, RoleFamily
from vacancies import search_cache
from vacancies.models import VacancyPage
from vacancies.models.pages import WorkingPattern, open_vacancies

__all__ = ["open_vacancies", "search_vacancies", "matching_vacancies", "filter_options"]

# The salary filter's steps (the search form offers them; the facet counts group by them).
SALARY_STEPS = [25000, 30000, 35000, 40000, 45000, 50000, 60000]

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


def _option_rows(now) -> dict[str, list[tuple[int, str, str]]]:
    def compute():
        return {
            "role_family": list(RoleFamily.objects.values_list("pk", "slug", "name")),
            "locality": list(Locality.objects.values_list("pk", "slug", "name")),
        }

    return search_cache.get_or_compute("options", now, compute)


def filter_options(now=None) -> dict[str, list[tuple[str, str]]]:
    """(value, label) for every option of every filter group, cached with the search."""
    rows = _option_rows(now or timezone.now())
    options = {name: [(slug, label) for _pk, slug, label in group] for name, group in rows.items()}
    options["employment_type"] = list(EmploymentType.choices)
    options["working_pattern"] = list(WorkingPattern.choices)
    return options


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
    ranked: bool = False  # whether "Best match" is an order these results can take
    sort: str = "closing"  # the order they are in


def _filters(criteria: dict) -> Q:
    query = Q()
    for name, lookup in FACETS.items():
        if values := criteria.get(name):
            query &= Q(**{f"{lookup}__in": values})
    if criteria.get("min_salary"):
        query &= Q(salary_max__gte=criteria["min_salary"])
    return query


def effective_sort(criteria: dict, ranked: bool) -> str:
    """The order the results are in: best match first when the words are ranked."""
    sort = criteria.get("sort") or ("relevance" if ranked else "closing")
    if sort == "relevance":
        return "relevance" if ranked else "closing"
    return sort if sort in ORDERINGS else "closing"


def _ordered(base, ranked: bool, criteria: dict):
    results = base.filter(_filters(criteria)).select_related("role_family", "locality", "team")
    sort = effective_sort(criteria, ranked)
    if sort == "relevance":
        return results.order_by("-rank", "closes_at", "pk")
    return results.order_by(*ORDERINGS[sort])


def matching_vacancies(criteria: dict, now=None):
    """Open vacancies matching the words and filters, in the order asked for."""
    base, ranked = text_filter(open_vacancies(now), criteria.get("q", ""))
    return _ordered(base, ranked, criteria)


def _counts(base, criteria: dict, now) -> dict:
    """The total and every facet's counts, from one query over the text matches.

    The query groups the open vacancies matching the words by their filter values (salary
    by the steps the filter offers), so it returns a few hundred rows at most; the filters
    are applied to those groups here. It replaces a COUNT and five GROUP BY queries that
    each re-ran the full-text match. Each facet counts with every *other* filter applied,
    so ticking a box in one group shows how many results each option of the others gives.
    """
    slugs = {name: {pk: slug for pk, slug, _ in rows} for name, rows in _option_rows(now).items()}
    salary_step = Case(
        *[When(salary_max__gte=step, then=Value(step)) for step in reversed(SALARY_STEPS)],
        default=Value(0),
    )
    groups = (
        base.order_by()
        .annotate(salary_step=salary_step)
        .values_list(
            "role_family_id", "locality_id", "employment_type", "working_pattern", "salary_step"
        )
        .annotate(n=Count("pk"))
    )
    wanted = [set(criteria.get(name) or []) for name in FACETS]
    min_salary = criteria.get("min_salary") or 0
    salary_bit = 1 << len(FACETS)
    tallies = [{} for _ in FACETS]
    by_step = dict.fromkeys(SALARY_STEPS, 0)
    total = 0
    for family_id, locality_id, employment, pattern, step, n in groups:
        values = (slugs["role_family"].get(family_id), slugs["locality"].get(locality_id))
        values += (employment, pattern)
        # Which filters these vacancies fail, one bit per group.
        fails = salary_bit if step < min_salary else 0
        for bit, (value, allowed) in enumerate(zip(values, wanted, strict=True)):
            if allowed and value not in allowed:
                fails |= 1 << bit
        if fails == 0:
            total += n
        for bit, value in enumerate(values):
            if fails & ~(1 << bit) == 0:
                tallies[bit][value] = tallies[bit].get(value, 0) + n
        if fails & ~salary_bit == 0 and step:
            by_step[step] += n
    counts = {name: tallies[bit] for bit, name in enumerate(FACETS)}
    # "£40,000 or more" counts every vacancy whose top step is 40,000 or higher.
    counts["min_salary"] = {
        step: sum(n for top, n in by_step.items() if top >= step) for step in SALARY_STEPS
    }
    counts["total"] = total
    return counts


def _facet_options(criteria: dict, counts: dict, options: dict) -> dict:
    facets = {}
    for name in FACETS:
        selected = set(criteria.get(name) or [])
        facets[name] = [
            FacetOption(value, label, counts[name].get(value, 0), value in selected)
            for value, label in options[name]
        ]
    facets["min_salary"] = [
        FacetOption(
            str(step),
            f"£{step:,} or more",
            counts["min_salary"].get(step, 0),
            criteria.get("min_salary") == step,
        )
        for step in SALARY_STEPS
    ]
    return facets


def _search_elasticsearch(criteria: dict, now, page, per_page: int) -> SearchResult:
    """One elasticsearch.dsl faceted search: the page, the total and the counts (elastic.py)."""
    from vacancies import elastic

    try:
        number = max(int(page or 1), 1)
    except (TypeError, ValueError):
        number = 1
    results, total, counts, sort = elastic.search(criteria, now, number, per_page)
    return SearchResult(
        queryset=results,
        count=total,
        facets=_facet_options(criteria, counts, filter_options(now)),
        ranked=bool((criteria.get("q") or "").strip()),
        sort=sort,
    )


def search_vacancies(criteria: dict, now=None, page=None, per_page: int = 20) -> SearchResult:
    """The listing: matching vacancies in order, their total and the facet counts.

    The total and the facet counts come from the shared cache when it holds them for the
    current vacancies version (see search_cache); the results themselves are always read
    afresh with the closing-time filter, so a vacancy that has closed never appears.
    """
    now = now or timezone.now()
    if getattr(settings, "ELASTICSEARCH_URL", ""):
        return _search_elasticsearch(criteria, now, page, per_page)
    base, ranked = text_filter(open_vacancies(now), criteria.get("q", ""))
    options = filter_options(now)
    counts = search_cache.get_or_compute(
        f"counts:{search_cache.criteria_key(criteria)}", now, lambda: _counts(base, criteria, now)
    )
    return SearchResult(
        queryset=_ordered(base, ranked, criteria),
        count=counts["total"],
        facets=_facet_options(criteria, counts, options),
        ranked=ranked,
        sort=effective_sort(criteria, ranked),
    )
