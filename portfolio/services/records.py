"""Recording in a portfolio: the agreement, records, reviews and addenda.

Each function checks the rule it guards and raises a `PortfolioError` (nothing changed)
or makes the change in one transaction. Records are signed as they are saved, so a saved
record is locked and corrections are addenda.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..errors import AgreementNeeded, PortfolioError, RecordLocked
from ..models import ActionPlan, Addendum, Agreement, Observation, Portfolio, Review
from .progress import is_agreed


def role_in(portfolio, user) -> str | None:
    """ "nqsw", "assessor" or "manager": who this person is in this portfolio, if anyone."""
    if user.pk == portfolio.nqsw_id:
        return "nqsw"
    if user.pk == portfolio.assessor_id:
        return "assessor"
    if portfolio.line_manager and user.pk == portfolio.line_manager.pk:
        return "manager"
    return None


def _ensure_open(portfolio):
    if portfolio.is_closed:
        raise PortfolioError("This portfolio is closed: the panel has made its decision.")


def _lock(portfolio) -> Portfolio:
    return Portfolio.objects.select_for_update().get(pk=portfolio.pk)


@transaction.atomic
def save_agreement(portfolio, form, by) -> Agreement:
    """Write or change the agreement. Any change clears confirmations already given."""
    _lock(portfolio)
    _ensure_open(portfolio)
    current = Agreement.objects.filter(portfolio=portfolio).first()
    if current and current.is_agreed:
        raise RecordLocked("The agreement")
    agreement = form.save(commit=False)
    agreement.portfolio = portfolio
    agreement.nqsw_confirmed_at = agreement.assessor_confirmed_at = None
    agreement.manager_confirmed_at = None
    agreement.save()
    return agreement


@transaction.atomic
def confirm_agreement(portfolio, by) -> Agreement:
    """The NQSW, the assessor or the line manager confirms; agreed once all three have."""
    _lock(portfolio)
    agreement = Agreement.objects.filter(portfolio=portfolio).first()
    if agreement is None:
        raise PortfolioError("There is no agreement to confirm yet.")
    role = role_in(portfolio, by)
    if role is None:
        raise PortfolioError(
            "Only the newly qualified social worker, their assessor and their line manager "
            "confirm the agreement."
        )
    field = f"{role}_confirmed_at"
    if getattr(agreement, field):
        raise PortfolioError("You have already confirmed this agreement.")
    setattr(agreement, field, timezone.now())
    agreement.save(update_fields=[field, "updated_at"])
    return agreement


@transaction.atomic
def add_record(portfolio, form, by):
    """Save a signed record (supervision, reflection, self-assessment, feedback, evidence,
    observation) from a valid form."""
    _lock(portfolio)
    _ensure_open(portfolio)
    if not is_agreed(portfolio):
        raise AgreementNeeded
    record = form.save(commit=False)
    record.portfolio = portfolio
    record.recorded_by = by
    record.signed_at = timezone.now()
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:
        raise PortfolioError("This portfolio already has that record.") from None
    form.save_m2m()
    return record


@transaction.atomic
def add_observation_reflection(observation: Observation, text: str, by) -> Observation:
    """The NQSW's own reflection on an observation, written once."""
    observation = Observation.objects.select_for_update().get(pk=observation.pk)
    if by.pk != observation.portfolio.nqsw_id:
        raise PortfolioError("Only the newly qualified social worker writes this reflection.")
    if observation.nqsw_reflection:
        raise RecordLocked("Your reflection on this observation")
    observation.nqsw_reflection = text
    observation.save(update_fields=["nqsw_reflection"])
    return observation


@transaction.atomic
def add_addendum(record, text: str, by) -> Addendum:
    if not record.is_locked:
        raise PortfolioError("This record is not signed yet: change it instead.")
    portfolio = record.portfolio
    return Addendum.objects.create(portfolio=portfolio, record=record, text=text, written_by=by)


def open_action_plans(portfolio):
    return ActionPlan.objects.filter(portfolio=portfolio, checked_by_review__isnull=True)


@transaction.atomic
def save_review(portfolio, point, data: dict, by, *, sign: bool, today=None) -> Review:
    """Write (and optionally sign) the assessor's review at one assessment point.

    Refused before the agreement is agreed, after the review is signed, and (when signing)
    before the point is reached or while an open action plan is not reported on. A cause
    for concern opens an action plan that the next review checks.
    """
    today = today or timezone.localdate()
    _lock(portfolio)
    _ensure_open(portfolio)
    if not is_agreed(portfolio):
        raise AgreementNeeded
    if point.template_id != portfolio.template.pk:
        raise PortfolioError("That review is not part of this programme.")
    review = Review.objects.filter(portfolio=portfolio, point=point).first()
    if review and review.is_locked:
        raise RecordLocked(f"The {point.title.lower()}")
    review = review or Review(portfolio=portfolio, point=point, recorded_by=by)
    review.progress = data["progress"]
    review.summary = data["summary"]
    review.action_plan_check = data.get("action_plan_check", "")
    plans = list(open_action_plans(portfolio).exclude(opened_by_review=review.pk or 0))
    if sign:
        opens = point.opens_on(portfolio.starts_on)
        if today < opens:
            raise PortfolioError(
                f"The {point.title.lower()} cannot be signed before {opens:%-d %B %Y}, "
                "when this point of the programme is reached."
            )
        if plans and not review.action_plan_check.strip():
            raise PortfolioError(
                "Say how the open action plan has gone before signing this review."
            )
        if review.progress == Review.Progress.CONCERN and not (
            data.get("actions", "").strip() and data.get("review_by")
        ):
            raise PortfolioError(
                "A cause for concern needs an action plan: say what needs to change and by "
                "when it will be checked."
            )
        review.signed_at = timezone.now()
        review.signed_by = by
    review.save()
    if sign:
        for plan in plans:
            plan.checked_by_review = review
            plan.save(update_fields=["checked_by_review"])
        if review.progress == Review.Progress.CONCERN:
            ActionPlan.objects.create(
                portfolio=portfolio,
                opened_by_review=review,
                actions=data["actions"],
                review_by=data["review_by"],
            )
    return review


@transaction.atomic
def comment_on_review(review: Review, text: str, by) -> Review:
    """The line manager's comments on a review, added once."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    if role_in(review.portfolio, by) != "manager":
        raise PortfolioError("Only the line manager adds comments to a review.")
    if review.manager_comment:
        raise RecordLocked("Your comments on this review")
    review.manager_comment = text
    review.save(update_fields=["manager_comment"])
    return review
