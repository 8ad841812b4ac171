"""What the academy shows on other apps' pages (see core.sections)."""

from core.sections import section

from .models import CoursePage


@section("role_family")
def family_training(request, page):
    """Courses whose audience includes a job role of the page's role family."""
    family = getattr(page, "role_family", None)
    if family is None:
        return None
    courses = (
        CoursePage.objects.live()
        .filter(audience_job_roles__family=family)
        .distinct()
        .order_by("title")[:8]
    )
    if not courses:
        return None
    return "academy/includes/family_training.html", {"family": family, "courses": courses}
