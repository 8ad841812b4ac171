"""What the portfolio shows on other apps' pages (see core.sections)."""

from academy.models import Programme
from core.sections import section


@section("role_family")
def early_career_offer(request, page):
    """On the social workers' role page: the assessed first year, for newly qualified staff."""
    family = getattr(page, "role_family", None)
    if family is None or not family.job_roles.filter(name__istartswith="Newly qualified").exists():
        return None
    programmes = Programme.objects.filter(
        is_active=True, portfolio_templates__isnull=False
    ).distinct()
    if not programmes:
        return None
    return "portfolio/includes/role_family_offer.html", {"programmes": programmes}
