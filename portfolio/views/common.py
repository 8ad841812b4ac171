"""What every portfolio screen shares: finding a portfolio the person may see (404 for
anyone else), writing views of someone else's portfolio to the access log, and turning a
second press of a submit button into a message instead of a second record."""

import uuid
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.shortcuts import get_object_or_404, redirect

from core.models import AccessLogEntry

from ..permissions import visible_portfolios

SUBMISSION_SECONDS = 6 * 60 * 60


def portfolio_for(request, pk, *, detail="Viewed the portfolio"):
    """The portfolio if this person may see it, else 404. Others' views are logged."""
    portfolio = get_object_or_404(
        visible_portfolios(request.user).select_related(
            "nqsw__staff_profile__team", "assessor", "cohort__template__framework"
        ),
        pk=pk,
    )
    if portfolio.nqsw_id != request.user.pk and request.method == "GET":
        AccessLogEntry.record(request.user, portfolio, detail=detail)
    return portfolio


def new_submission() -> str:
    return uuid.uuid4().hex


def claim_submission(request) -> bool:
    """False when this form was already submitted once (a double click or a resend)."""
    token = request.POST.get("submission", "")
    if not token:
        return True
    return cache.add(f"portfolio:submission:{token[:64]}", 1, SUBMISSION_SECONDS)


def release_submission(request) -> None:
    token = request.POST.get("submission", "")
    if token:
        cache.delete(f"portfolio:submission:{token[:64]}")


def already_saved(request, portfolio):
    messages.info(request, "That was already saved: it has not been saved twice.")
    return redirect("portfolio:detail", pk=portfolio.pk)


def signed_in(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    return wrapped
