"""The moderation panel: anonymised portfolios, and the decision with reasons."""

import re

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from core.models import AccessLogEntry

from ..errors import PortfolioError
from ..forms import PanelDecisionForm
from ..models import PanelDecision, Recommendation
from ..permissions import is_panel, panel_portfolios
from ..services import outcome
from .common import claim_submission, new_submission, release_submission, signed_in
from .portfolio import records_of

REMOVED = "[name removed]"


class Redactor:
    """Replaces the names of the NQSW, their assessor and manager in free text."""

    do_not_call_in_templates = True  # the template passes it to the `redact` filter

    def __init__(self, portfolio):
        names = set()
        for person in (portfolio.nqsw, portfolio.assessor, portfolio.line_manager):
            if person is None:
                continue
            for name in (person.get_full_name(), person.first_name, person.last_name):
                if name and len(name) > 1:
                    names.add(name)
        ordered = sorted(names, key=len, reverse=True)
        self.pattern = (
            re.compile(r"\b(" + "|".join(re.escape(n) for n in ordered) + r")\b", re.IGNORECASE)
            if ordered
            else None
        )

    def __call__(self, text):
        text = text or ""
        return self.pattern.sub(REMOVED, text) if self.pattern else text


@signed_in
def panel(request):
    if not is_panel(request.user):
        raise Http404
    portfolios = panel_portfolios(request.user).select_related("cohort__template", "panel")
    return render(request, "portfolio/panel_list.html", {"portfolios": portfolios})


@signed_in
def panel_portfolio(request, reference):
    if not is_panel(request.user):
        raise Http404
    portfolio = get_object_or_404(
        panel_portfolios(request.user).select_related("cohort__template__framework"),
        panel_reference=reference,
    )
    recommendation = get_object_or_404(Recommendation, portfolio=portfolio)
    decision = PanelDecision.objects.filter(portfolio=portfolio).first()
    form = None if decision else PanelDecisionForm(request.POST or None)
    if request.method == "POST":
        if form is None:
            messages.error(request, "The panel has already decided on this portfolio.")
            return redirect(request.path)
        if form.is_valid():
            if not claim_submission(request):
                return already_saved_panel(request, reference)
            try:
                outcome.panel_decide(
                    portfolio,
                    confirmed=form.cleaned_data["decision"] == "confirm",
                    outcome=form.cleaned_data.get("outcome") or None,
                    reasons=form.cleaned_data["reasons"],
                    by=request.user,
                )
            except PortfolioError as error:
                release_submission(request)
                form.add_error(None, error.message)
            else:
                messages.success(request, f"The panel's decision on {reference} is recorded.")
                return redirect("portfolio:panel_portfolio", reference=reference)
    else:
        AccessLogEntry.record(request.user, portfolio, detail="Moderated (anonymised)")
    return render(
        request,
        "portfolio/panel_portfolio.html",
        {
            "portfolio": portfolio,
            "recommendation": recommendation,
            "decision": decision,
            "form": form,
            "records": records_of(portfolio),
            "clean": Redactor(portfolio),
            "submission": new_submission(),
        },
    )


def already_saved_panel(request, reference):
    messages.info(request, "That was already saved: it has not been saved twice.")
    return redirect("portfolio:panel_portfolio", reference=reference)
