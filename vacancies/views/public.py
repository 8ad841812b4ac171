"""The public listing (rendered by VacancyIndexPage) and saved vacancies."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from vacancies import search_cache
from vacancies.forms.alerts import JobAlertForm
from vacancies.forms.search import VacancySearchForm
from vacancies.models import SavedVacancy, VacancyPage
from vacancies.queries import open_vacancies, search_vacancies
from vacancies.services.alerts import alert_query, describe

PER_PAGE = 20


def vacancy_listing(request, index_page):
    now = timezone.now()
    form = VacancySearchForm(request.GET or None)
    criteria = form.criteria() if request.GET else {}
    result = search_vacancies(criteria, now, page=request.GET.get("page"), per_page=PER_PAGE)
    paginator = Paginator(result.queryset, PER_PAGE)
    paginator.count = result.count  # already counted: save the paginator a second query
    page_obj = paginator.get_page(request.GET.get("page"))
    # Pagination links keep every filter; only the page number changes.
    query = request.GET.copy()
    query.pop("page", None)
    filters_query = alert_query(request.GET)
    return TemplateResponse(
        request,
        "vacancies/pages/vacancy_index_page.html",
        {
            "page": index_page,
            "self": index_page,
            "form": form,
            "criteria": criteria,
            "result": result,
            "page_obj": page_obj,
            # GOV.UK pagination: first, last and the pages either side, with ellipses.
            "page_range": paginator.get_elided_page_range(
                page_obj.number, on_each_side=1, on_ends=1
            ),
            "query_without_page": query.urlencode(),
            "alert_query": filters_query,
            "alert_description": describe(filters_query),
            "alert_form": JobAlertForm(
                initial={"email": request.user.email if request.user.is_authenticated else ""}
            ),
            "facet_groups": [
                ("role_family", "Role family", result.facets["role_family"]),
                ("locality", "Locality", result.facets["locality"]),
                ("employment_type", "Employment type", result.facets["employment_type"]),
                ("working_pattern", "Working pattern", result.facets["working_pattern"]),
            ],
            "sorts": [
                (value, label)
                for value, label in VacancySearchForm.base_fields["sort"].choices
                if value != "relevance" or result.ranked
            ],
            "sort": criteria.get("sort") or "",
            "current_sort": result.sort,
            "has_filters": bool(filters_query),
            # The filters and the page of results render once per search and version.
            "filters_fragment": search_cache.fragment_key(now, query),
            "results_fragment": search_cache.fragment_key(now, request.GET),
            "fragment_timeout": search_cache.TIMEOUT,
        },
    )


@login_required
def saved_vacancies(request):
    saved = (
        SavedVacancy.objects.filter(user=request.user)
        .select_related("vacancy")
        .order_by("vacancy__closes_at")
    )
    return TemplateResponse(request, "vacancies/saved.html", {"saved": saved})


@login_required
@require_POST
def toggle_saved(request, vacancy_id):
    vacancy = get_object_or_404(open_vacancies(), pk=vacancy_id)
    saved, created = SavedVacancy.objects.get_or_create(user=request.user, vacancy=vacancy)
    if created:
        messages.success(request, f"“{vacancy.title}” is in your saved vacancies.")
    else:
        saved.delete()
        messages.success(request, f"“{vacancy.title}” is no longer saved.")
    next_url = request.POST.get("next") or vacancy.url
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = vacancy.url
    return redirect(next_url)


def live_vacancy_or_404(vacancy_id):
    return get_object_or_404(VacancyPage.objects.live(), pk=vacancy_id)


def query_from_post(request) -> str:
    return alert_query(QueryDict(request.POST.get("query", "")))
