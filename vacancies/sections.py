"""What the vacancies app shows on other apps' pages (see core.sections)."""

from django.utils import timezone

from core.sections import section
from vacancies import search_cache
from vacancies.models import VacancyIndexPage
from vacancies.queries import open_vacancies


@section("home")
def latest_vacancies(request, page):
    """The three newest open vacancies, read once per vacancies version (search_cache):
    publishing, unpublishing or a closing time starts a new version."""
    now = timezone.now()

    def newest():
        vacancies = list(
            open_vacancies(now)
            .select_related("team", "locality")
            .order_by("-first_published_at")[:3]
        )
        return vacancies, VacancyIndexPage.objects.live().first() if vacancies else None

    vacancies, index = search_cache.get_or_compute("home-latest", now, newest)
    if not vacancies:
        return None
    return "vacancies/includes/latest_vacancies.html", {"vacancies": vacancies, "index": index}


@section("role_family")
def family_vacancies(request, page):
    family_id = getattr(page, "role_family_id", None)
    if family_id is None:
        return None
    vacancies = list(
        open_vacancies(timezone.now())
        .filter(role_family_id=family_id)
        .select_related("team", "locality", "role_family")
        .order_by("closes_at")[:6]
    )
    return "vacancies/includes/family_vacancies.html", {
        "vacancies": vacancies,
        "family": page.role_family,
        "index": VacancyIndexPage.objects.live().first(),
    }
