"""The agreement, reviews and the final recommendation."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from ..errors import EvidenceMissing, PortfolioError
from ..forms import AgreementForm, CommentForm, RecommendationForm, ReviewForm
from ..models import AssessmentPoint, Recommendation, Review
from ..services import outcome, records
from ..services.progress import agreement_of, final_point, missing_evidence
from .common import (
    already_saved,
    claim_submission,
    new_submission,
    portfolio_for,
    release_submission,
    signed_in,
)


@signed_in
def agreement(request, pk):
    portfolio = portfolio_for(request, pk)
    role = records.role_in(portfolio, request.user)
    current = agreement_of(portfolio)
    can_edit = role == "assessor" and not (current and current.is_agreed)
    form = AgreementForm(instance=current) if can_edit else None
    if request.method == "POST":
        if role is None:
            raise Http404
        action = request.POST.get("action")
        try:
            if action == "save" and can_edit:
                form = AgreementForm(request.POST, instance=current)
                if form.is_valid():
                    records.save_agreement(portfolio, form, request.user)
                    messages.success(
                        request, "Agreement saved. The NQSW and line manager can now confirm it."
                    )
                    return redirect("portfolio:agreement", pk=portfolio.pk)
            elif action == "confirm":
                confirmed = records.confirm_agreement(portfolio, request.user)
                messages.success(
                    request,
                    "The agreement is agreed by all three."
                    if confirmed.is_agreed
                    else "You have confirmed the agreement.",
                )
                return redirect("portfolio:agreement", pk=portfolio.pk)
            elif action == "save" and role != "assessor":
                raise PortfolioError("The assessor writes the agreement; you confirm it.")
            else:
                raise PortfolioError("The agreement is agreed and locked.")
        except PortfolioError as error:
            messages.error(request, error.message)
            if action == "confirm" or form is None or form.is_valid():
                return redirect("portfolio:agreement", pk=portfolio.pk)
    confirmed_by_me = bool(current and role and getattr(current, f"{role}_confirmed_at", None))
    return render(
        request,
        "portfolio/agreement.html",
        {
            "portfolio": portfolio,
            "agreement": current,
            "form": form,
            "role": role,
            "confirmed_by_me": confirmed_by_me,
        },
    )


@signed_in
def review(request, pk, point_id):
    portfolio = portfolio_for(request, pk)
    point = get_object_or_404(
        AssessmentPoint, pk=point_id, template=portfolio.template, kind=AssessmentPoint.Kind.REVIEW
    )
    role = records.role_in(portfolio, request.user)
    current = Review.objects.filter(portfolio=portfolio, point=point).first()
    open_plans = list(records.open_action_plans(portfolio).exclude(opened_by_review=current))
    can_write = role == "assessor" and not (current and current.is_locked)
    can_comment = role == "manager" and current is not None and not current.manager_comment
    initial = (
        {
            "progress": current.progress,
            "summary": current.summary,
            "action_plan_check": current.action_plan_check,
        }
        if current
        else {}
    )
    form = ReviewForm(initial=initial, has_open_plan=bool(open_plans)) if can_write else None
    comment_form = CommentForm() if can_comment else None
    if request.method == "POST":
        action = request.POST.get("action")
        if action in ("save", "sign") and can_write:
            form = ReviewForm(request.POST, has_open_plan=bool(open_plans))
            if form.is_valid():
                if not claim_submission(request):
                    return already_saved(request, portfolio)
                try:
                    records.save_review(
                        portfolio, point, form.cleaned_data, request.user, sign=action == "sign"
                    )
                except PortfolioError as error:
                    release_submission(request)
                    form.add_error(None, error.message)
                else:
                    messages.success(
                        request,
                        f"The {point.title.lower()} is signed."
                        if action == "sign"
                        else f"The {point.title.lower()} is saved as a draft.",
                    )
                    return redirect("portfolio:review", pk=portfolio.pk, point_id=point.pk)
        elif action == "comment" and can_comment:
            comment_form = CommentForm(request.POST)
            if comment_form.is_valid():
                try:
                    records.comment_on_review(
                        current, comment_form.cleaned_data["comment"], request.user
                    )
                except PortfolioError as error:
                    messages.error(request, error.message)
                else:
                    messages.success(request, "Your comments are added to the review.")
                return redirect("portfolio:review", pk=portfolio.pk, point_id=point.pk)
        else:
            messages.error(request, f"The {point.title.lower()} is signed and locked.")
            return redirect("portfolio:review", pk=portfolio.pk, point_id=point.pk)
    return render(
        request,
        "portfolio/review.html",
        {
            "portfolio": portfolio,
            "point": point,
            "review": current,
            "form": form,
            "comment_form": comment_form,
            "open_plans": open_plans,
            "due": point.due_on(portfolio.starts_on),
            "opens": point.opens_on(portfolio.starts_on),
            "submission": new_submission(),
        },
    )


@signed_in
def recommendation(request, pk):
    portfolio = portfolio_for(request, pk)
    role = records.role_in(portfolio, request.user)
    current = Recommendation.objects.filter(portfolio=portfolio).first()
    final = final_point(portfolio.template)
    form = None
    missing = []
    if role == "assessor" and current is None:
        form = RecommendationForm(portfolio, request.POST or None)
        if request.method == "POST" and form.is_valid():
            if not claim_submission(request):
                return already_saved(request, portfolio)
            try:
                outcome.recommend(
                    portfolio,
                    outcome=form.cleaned_data["outcome"],
                    summary=form.cleaned_data["summary"],
                    domain_evidence=form.domain_evidence(),
                    by=request.user,
                )
            except EvidenceMissing as error:
                release_submission(request)
                form.add_error(None, error.message)
                missing = error.missing
            except PortfolioError as error:
                release_submission(request)
                form.add_error(None, error.message)
            else:
                messages.success(
                    request, "Your recommendation is signed and sent to the moderation panel."
                )
                return redirect("portfolio:detail", pk=portfolio.pk)
        elif request.method != "POST":
            missing = missing_evidence(portfolio)
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "portfolio/recommendation.html",
        {
            "portfolio": portfolio,
            "recommendation": current,
            "form": form,
            "missing": missing,
            "final": final,
            "opens": final.opens_on(portfolio.starts_on) if final else None,
            "today": timezone.localdate(),
            "submission": new_submission(),
        },
    )
