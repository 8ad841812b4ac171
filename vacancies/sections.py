"""What the vacancies app shows on other apps' pages (see core.sections)."""

from django.utils import timezone

from core.sections import section
from vacancies.models import VacancyIndexPage
from vacancies.queries import open_vacancies


@section("home")
def latest_vacancies(request, page):
    vacancies = list(
        open_vacancies().select_related("team", "locality").order_by("-first_published_at")[:3]
    )
    if not vacancies:
        return None
    return "vacancies/includes/latest_vacancies.html", {
        "vacancies": vacancies,
        "index": VacancyIndexPage.objects.live().first(),
    }


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
