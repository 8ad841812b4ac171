"""What the portfolio holds about a person, for subject access requests.

A portfolio is an employment record the council must keep, so it is not erased with an
account: staff accounts are closed through HR, not deleted by their holder.
"""

from core.privacy import personal_data_exporter

from .models import (
    Agreement,
    EvidenceItem,
    Feedback,
    Observation,
    Portfolio,
    Recommendation,
    Reflection,
    Review,
    SelfAssessment,
    SupervisionRecord,
)


@personal_data_exporter("early_career_portfolio")
def export_portfolio(user):
    portfolio = Portfolio.objects.filter(nqsw=user).select_related("cohort__template").first()
    if portfolio is None:
        return None
    agreement = Agreement.objects.filter(portfolio=portfolio).first()
    recommendation = Recommendation.objects.filter(portfolio=portfolio).first()
    return {
        "programme": portfolio.template.name,
        "cohort": portfolio.cohort.name,
        "started_on": portfolio.starts_on.isoformat(),
        "status": portfolio.get_status_display(),
        "agreement": (
            {
                "supervision_arrangements": agreement.supervision_plan,
                "protected_development_time": agreement.protected_time,
                "protected_caseload": agreement.caseload,
                "learning_needs": agreement.learning_needs,
                "agreed": agreement.is_agreed,
            }
            if agreement
            else None
        ),
        "supervision": [
            {
                "date": r.held_on.isoformat(),
                "supervisor": r.supervisor,
                "notes": r.notes,
                "reflection": r.reflection,
            }
            for r in SupervisionRecord.objects.filter(portfolio=portfolio)
        ],
        "reflections": [
            {
                "date": r.written_on.isoformat(),
                "kind": r.get_kind_display(),
                "title": r.title,
                "text": r.text,
            }
            for r in Reflection.objects.filter(portfolio=portfolio)
        ],
        "self_assessments": [
            {"stage": r.get_stage_display(), "strengths": r.strengths, "development": r.development}
            for r in SelfAssessment.objects.filter(portfolio=portfolio)
        ],
        "feedback": [
            {
                "date": r.given_on.isoformat(),
                "source": r.get_source_display(),
                "given_by": r.given_by,
                "text": r.text,
            }
            for r in Feedback.objects.filter(portfolio=portfolio)
        ],
        "evidence": [
            {"title": r.title, "description": r.description, "document": bool(r.document)}
            for r in EvidenceItem.objects.filter(portfolio=portfolio)
        ],
        "observations": [
            {
                "date": r.observed_on.isoformat(),
                "setting": r.setting,
                "observed": r.observed,
                "analysis": r.analysis,
                "your_reflection": r.nqsw_reflection,
            }
            for r in Observation.objects.filter(portfolio=portfolio)
        ],
        "reviews": [
            {
                "point": r.point.title,
                "progress": r.get_progress_display(),
                "summary": r.summary,
                "manager_comment": r.manager_comment,
                "signed_at": r.signed_at.isoformat() if r.signed_at else None,
            }
            for r in Review.objects.filter(portfolio=portfolio).select_related("point")
        ],
        "recommendation": (
            {"outcome": recommendation.get_outcome_display(), "summary": recommendation.summary}
            if recommendation
            else None
        ),
    }
