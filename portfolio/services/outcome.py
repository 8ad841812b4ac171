"""Opening a portfolio, the assessor's recommendation and the moderation panel's decision."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from academy.models import Completion, CpdEntry, CpdType, Enrolment

from ..errors import EvidenceMissing, PortfolioError
from ..models import PanelDecision, Portfolio, Recommendation
from .progress import final_point, missing_evidence


@transaction.atomic
def open_portfolio(nqsw, cohort, *, assessor=None, starts_on=None) -> Portfolio:
    """Open a portfolio for an NQSW in a cohort, linked to their programme enrolment."""
    starts_on = starts_on or cohort.starts_on
    enrolment = None
    programme = cohort.template.programme
    if programme is not None:
        enrolment, _ = Enrolment.objects.get_or_create(
            user=nqsw, programme=programme, defaults={"starts_on": starts_on}
        )
    portfolio, _ = Portfolio.objects.get_or_create(
        nqsw=nqsw,
        defaults={
            "cohort": cohort,
            "assessor": assessor,
            "starts_on": starts_on,
            "enrolment": enrolment,
        },
    )
    return portfolio


@transaction.atomic
def recommend(portfolio, *, outcome, summary, domain_evidence=None, by, today=None):
    """The assessor's final recommendation: pass, fail or extend.

    Refused (with the list of what is missing) while required evidence is missing, before
    the final point opens, and a second time.
    """
    today = today or timezone.localdate()
    portfolio = Portfolio.objects.select_for_update().get(pk=portfolio.pk)
    if portfolio.assessor_id != by.pk:
        raise PortfolioError("Only the portfolio's assessor makes the recommendation.")
    if Recommendation.objects.filter(portfolio=portfolio).exists():
        raise PortfolioError("The recommendation has already been made and signed.")
    if portfolio.status != Portfolio.Status.IN_PROGRESS:
        raise PortfolioError("This portfolio is not open for a recommendation.")
    final = final_point(portfolio.template)
    if final is not None and today < final.opens_on(portfolio.starts_on):
        opens = final.opens_on(portfolio.starts_on)
        raise PortfolioError(f"The final recommendation cannot be made before {opens:%-d %B %Y}.")
    missing = missing_evidence(portfolio)
    if missing:
        raise EvidenceMissing(missing)
    try:
        with transaction.atomic():
            recommendation = Recommendation.objects.create(
                portfolio=portfolio,
                recorded_by=by,
                outcome=outcome,
                summary=summary,
                domain_evidence=domain_evidence or {},
                signed_at=timezone.now(),
            )
    except IntegrityError:
        raise PortfolioError("The recommendation has already been made and signed.") from None
    portfolio.status = Portfolio.Status.AWAITING_PANEL
    portfolio.save(update_fields=["status"])
    return recommendation


@transaction.atomic
def panel_decide(portfolio, *, confirmed: bool, outcome=None, reasons: str, by, today=None):
    """The moderation panel confirms or changes the recommendation, with reasons.

    A confirmed pass completes the programme (see `complete_pass`).
    """
    today = today or timezone.localdate()
    portfolio = Portfolio.objects.select_for_update().get(pk=portfolio.pk)
    recommendation = Recommendation.objects.filter(portfolio=portfolio).first()
    if by.pk in (portfolio.assessor_id, portfolio.nqsw_id):
        raise PortfolioError("The assessor and the NQSW cannot moderate their own portfolio.")
    if recommendation is None or portfolio.status != Portfolio.Status.AWAITING_PANEL:
        raise PortfolioError("This portfolio is not waiting for the panel.")
    if PanelDecision.objects.filter(portfolio=portfolio).exists():
        raise PortfolioError("The panel has already decided on this portfolio.")
    if confirmed:
        outcome = recommendation.outcome
    elif not outcome or outcome == recommendation.outcome:
        raise PortfolioError("Choose the outcome the panel decided instead.")
    decision = PanelDecision.objects.create(
        portfolio=portfolio,
        recommendation=recommendation,
        confirmed=confirmed,
        outcome=outcome,
        reasons=reasons,
        decided_by=by,
    )
    if outcome == "pass":
        complete_pass(portfolio, on=today)
    elif outcome == "fail":
        portfolio.status = Portfolio.Status.FAILED
        portfolio.completed_on = today
        portfolio.save(update_fields=["status", "completed_on"])
    else:
        portfolio.status = Portfolio.Status.EXTENDED
        portfolio.save(update_fields=["status"])
    return decision


def complete_pass(portfolio, *, on):
    """A confirmed pass: the enrolment completes, the first-year flag turns off, and a
    completion record and a draft CPD entry are created."""
    portfolio.status = Portfolio.Status.PASSED
    portfolio.completed_on = on
    portfolio.save(update_fields=["status", "completed_on"])
    if portfolio.enrolment_id:
        Enrolment.objects.filter(pk=portfolio.enrolment_id).update(completed_on=on)
    profile = portfolio.profile
    if profile is not None and profile.is_nqsw_first_year:
        profile.is_nqsw_first_year = False
        profile.save(update_fields=["is_nqsw_first_year", "updated_at"])
    template = portfolio.template
    completion = None
    if template.completion_course_id:
        completion = Completion.objects.create(
            user=portfolio.nqsw,
            course_id=template.completion_course_id,
            completed_on=on,
            source=Completion.Source.RECORDED,
        )
    CpdEntry.objects.create(
        user=portfolio.nqsw,
        title=f"Completed the {template.name}",
        cpd_type=CpdType.OTHER,
        activity_date=on,
        description=(
            f"Passed the {template.name}, confirmed by the moderation panel. The portfolio "
            "holds supervision records, observations, feedback and reviews."
        ),
        completion=completion,
    )
