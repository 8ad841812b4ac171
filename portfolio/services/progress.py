"""Where a portfolio stands: the task list, what is due next and what is still missing.

Everything is worked out from the cohort's template, so a different programme (the
two-year early career programme) gives a different task list without code changes.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from ..models import (
    ActionPlan,
    Agreement,
    AssessmentPoint,
    EvidenceItem,
    EvidenceKind,
    Feedback,
    Observation,
    Recommendation,
    Reflection,
    Review,
    SelfAssessment,
    SupervisionRecord,
)
from ..models.programme import weeks_after

NOT_STARTED = "Not yet started"
IN_PROGRESS = "In progress"
COMPLETED = "Completed"
CANNOT_START = "Cannot start yet"


@dataclass
class Task:
    key: str
    title: str
    status: str
    hint: str = ""
    url: str = ""
    due: datetime.date | None = None
    overdue: bool = False
    point: AssessmentPoint | None = None


@dataclass
class Due:
    on: datetime.date
    what: str
    overdue: bool


@dataclass
class Standing:
    agreed: bool
    counts: dict[str, int]
    tasks: list[Task] = field(default_factory=list)
    due: list[Due] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def next_due(self) -> Due | None:
        return self.due[0] if self.due else None

    @property
    def overdue(self) -> list[Due]:
        return [d for d in self.due if d.overdue]


def agreement_of(portfolio) -> Agreement | None:
    return Agreement.objects.filter(portfolio=portfolio).first()


def is_agreed(portfolio) -> bool:
    agreement = agreement_of(portfolio)
    return bool(agreement and agreement.is_agreed)


def evidence_counts(portfolio) -> dict[str, int]:
    return {
        EvidenceKind.OBSERVATION: Observation.objects.filter(portfolio=portfolio).count(),
        EvidenceKind.FEEDBACK_SUPPORTED: Feedback.objects.filter(
            portfolio=portfolio, source=Feedback.Source.PERSON_SUPPORTED
        ).count(),
        EvidenceKind.FEEDBACK_PROFESSIONAL: Feedback.objects.filter(
            portfolio=portfolio, source=Feedback.Source.PROFESSIONAL
        ).count(),
        EvidenceKind.SELF_ASSESSMENT: SelfAssessment.objects.filter(portfolio=portfolio).count(),
        EvidenceKind.CRITICAL_REFLECTION: Reflection.objects.filter(
            portfolio=portfolio, kind=Reflection.Kind.CRITICAL
        ).count(),
        EvidenceKind.EVIDENCE: EvidenceItem.objects.filter(portfolio=portfolio).count(),
    }


def next_supervision_due(portfolio) -> datetime.date:
    """The last supervision plus the interval the rhythm sets at that point of the year."""
    last = (
        SupervisionRecord.objects.filter(portfolio=portfolio)
        .order_by("-held_on")
        .values_list("held_on", flat=True)
        .first()
    )
    template = portfolio.template
    if last is None:
        return portfolio.starts_on + datetime.timedelta(weeks=1)
    week = max(0, (last - portfolio.starts_on).days // 7)
    return last + datetime.timedelta(weeks=template.supervision_interval_weeks(week))


def final_point(template) -> AssessmentPoint | None:
    return template.points.filter(kind=AssessmentPoint.Kind.FINAL).order_by("due_week").first()


def missing_evidence(portfolio) -> list[str]:
    """What must be in place before the final recommendation, in words, empty when ready."""
    template = portfolio.template
    missing = []
    if not is_agreed(portfolio):
        missing.append("The support and assessment agreement has not been agreed by all three.")
    counts = evidence_counts(portfolio)
    for requirement in template.requirements.order_by("sort_order"):
        have = counts.get(requirement.kind, 0)
        if have < requirement.minimum:
            missing.append(
                f"{requirement.get_kind_display()}: {requirement.minimum} needed, {have} recorded."
            )
    signed = set(
        Review.objects.filter(portfolio=portfolio, signed_at__isnull=False).values_list(
            "point_id", flat=True
        )
    )
    for point in template.points.filter(kind=AssessmentPoint.Kind.REVIEW, is_optional=False):
        if point.pk not in signed:
            missing.append(f"The {point.title[0].lower()}{point.title[1:]} is not signed.")
    for plan in ActionPlan.objects.filter(portfolio=portfolio, checked_by_review__isnull=True):
        missing.append(
            f"The action plan from the {plan.opened_by_review.point.title.lower()} has not "
            "been checked at a later review."
        )
    return missing


def standing(portfolio, today=None) -> Standing:
    today = today or timezone.localdate()
    template = portfolio.template
    start = portfolio.starts_on
    agreement = agreement_of(portfolio)
    agreed = bool(agreement and agreement.is_agreed)
    counts = evidence_counts(portfolio)
    result = Standing(agreed=agreed, counts=counts)
    tasks = result.tasks
    due = result.due

    # The agreement comes first; nothing else can start until all three confirm.
    agreement_due = weeks_after(start, template.agreement_due_week)
    if agreed:
        status = COMPLETED
    elif agreement is not None:
        status = IN_PROGRESS
    else:
        status = NOT_STARTED
    tasks.append(Task("agreement", "Support and assessment agreement", status, due=agreement_due))
    if not agreed:
        due.append(
            Due(agreement_due, "Agree the support and assessment agreement", agreement_due < today)
        )
    closed = portfolio.is_closed

    def gated(count_status):
        return CANNOT_START if not agreed else count_status

    supervision_count = SupervisionRecord.objects.filter(portfolio=portfolio).count()
    supervision_due = next_supervision_due(portfolio)
    tasks.append(
        Task(
            "supervision",
            "Supervision records",
            gated(IN_PROGRESS if supervision_count else NOT_STARTED),
            hint=f"{supervision_count} recorded",
            due=supervision_due,
            overdue=supervision_due < today,
        )
    )
    if agreed and not closed:
        due.append(Due(supervision_due, "Supervision", supervision_due < today))
    reflections = Reflection.objects.filter(portfolio=portfolio).count()
    tasks.append(
        Task(
            "reflection",
            "Reflections and critical reflection log",
            gated(IN_PROGRESS if reflections else NOT_STARTED),
            hint=f"{reflections} written",
        )
    )
    requirements = {r.kind: r for r in template.requirements.all()}
    for key, title, kind in (
        ("self_assessment", "Self-assessments", EvidenceKind.SELF_ASSESSMENT),
        (
            "feedback",
            "Feedback from people supported and professionals",
            EvidenceKind.FEEDBACK_SUPPORTED,
        ),
        ("evidence", "Evidence items", EvidenceKind.EVIDENCE),
        ("observation", "Direct observations", EvidenceKind.OBSERVATION),
    ):
        have = counts[kind]
        extra = counts[EvidenceKind.FEEDBACK_PROFESSIONAL] if key == "feedback" else 0
        have_all = have + extra
        requirement = requirements.get(kind)
        if requirement is not None:
            done = have >= requirement.minimum
            status = COMPLETED if done else (IN_PROGRESS if have_all else NOT_STARTED)
            hint = f"{have} of {requirement.minimum} needed"
            when = weeks_after(start, requirement.due_week)
            if agreed and not done and not closed:
                due.append(Due(when, f"{title}: {requirement.minimum - have} more", when < today))
        else:
            status = IN_PROGRESS if have_all else NOT_STARTED
            hint = f"{have_all} recorded"
            when = None
        tasks.append(
            Task(
                key,
                title,
                gated(status),
                hint=hint,
                due=when,
                overdue=bool(when and when < today and status != COMPLETED),
            )
        )

    reviews = {r.point_id: r for r in Review.objects.filter(portfolio=portfolio)}
    for point in template.points.order_by("due_week"):
        if point.kind == AssessmentPoint.Kind.FINAL:
            continue
        review = reviews.get(point.pk)
        point_due = point.due_on(start)
        if review and review.is_locked:
            status = COMPLETED
        elif not agreed or today < point.opens_on(start):
            status = CANNOT_START
        elif review:
            status = IN_PROGRESS
        else:
            status = NOT_STARTED
        optional = " (optional)" if point.is_optional else ""
        tasks.append(
            Task(
                f"review-{point.pk}",
                f"{point.title}{optional}",
                status,
                due=point_due,
                overdue=status != COMPLETED and point_due < today and not point.is_optional,
                point=point,
            )
        )
        if status != COMPLETED and not point.is_optional and agreed and not closed:
            due.append(Due(point_due, point.title, point_due < today))

    final = final_point(template)
    recommendation = Recommendation.objects.filter(portfolio=portfolio).first()
    missing = missing_evidence(portfolio)
    result.missing = missing
    if recommendation:
        status = COMPLETED
    elif not agreed or (final and today < final.opens_on(start)):
        status = CANNOT_START
    else:
        status = NOT_STARTED
    final_due = final.due_on(start) if final else None
    tasks.append(
        Task(
            "recommendation",
            final.title if final else "Final recommendation",
            status,
            due=final_due,
            overdue=bool(final_due and final_due < today and not recommendation),
            point=final,
        )
    )
    if final_due and not recommendation and agreed and not closed:
        due.append(Due(final_due, final.title, final_due < today))
    decided = _has_decision(portfolio)
    tasks.append(
        Task(
            "panel",
            "Moderation panel",
            COMPLETED if decided else (NOT_STARTED if recommendation else CANNOT_START),
            due=portfolio.panel.meets_on if portfolio.panel_id else None,
        )
    )
    due.sort(key=lambda d: d.on)
    return result


def _has_decision(portfolio) -> bool:
    from ..models import PanelDecision

    return PanelDecision.objects.filter(portfolio=portfolio).exists()
