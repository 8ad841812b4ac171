"""Who sees which portfolio: the NQSW their own, an assessor those they assess, a line
manager their direct reports', the coordinator everyone's; nobody else. The moderation
panel sees only anonymised copies, through its own screens."""

from django.db.models import Q

from .models import Portfolio


def is_coordinator(user) -> bool:
    return user.is_authenticated and user.has_perm("portfolio.coordinate_portfolio")


def is_assessor(user) -> bool:
    return user.is_authenticated and user.has_perm("portfolio.assess_portfolio")


def is_panel(user) -> bool:
    return user.is_authenticated and user.has_perm("portfolio.moderate_portfolio")


def visible_portfolios(user):
    """The portfolios this person may open by name."""
    if not user.is_authenticated:
        return Portfolio.objects.none()
    if is_coordinator(user):
        return Portfolio.objects.all()
    rule = Q(nqsw=user) | Q(nqsw__staff_profile__line_manager=user)
    if is_assessor(user):
        rule |= Q(assessor=user)
    return Portfolio.objects.filter(rule)


def panel_portfolios(user):
    """Portfolios the panel moderates: those with a recommendation."""
    if not is_panel(user):
        return Portfolio.objects.none()
    return Portfolio.objects.filter(
        status__in=[
            Portfolio.Status.AWAITING_PANEL,
            Portfolio.Status.PASSED,
            Portfolio.Status.FAILED,
            Portfolio.Status.EXTENDED,
        ]
    )
