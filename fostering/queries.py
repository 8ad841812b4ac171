"""Figures for the fostering dashboard and reports."""

import statistics
from collections import Counter, defaultdict

from django.db.models import BooleanField, Case, Count, Value, When, prefetch_related_objects
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .clocks import WorkingDays, case_clocks, flagged_filter
from .models import EnquirySource, FosteringCase, FosteringRules, StageMove
from .pipeline import CLOSED, JOURNEY, NEEDS_REASON, REVIEW, Stage


def enquiries_by_source_and_month(cases=None):
    cases = cases if cases is not None else FosteringCase.objects.all()
    labels = dict(EnquirySource.choices)
    rows = (
        cases.annotate(month=TruncMonth("enquired_at"))
        .values("month", "source")
        .annotate(count=Count("pk"))
        .order_by("month", "source")
    )
    return [
        {
            "month": timezone.localtime(r["month"]).strftime("%B %Y")
            if hasattr(r["month"], "tzinfo") and r["month"].tzinfo
            else r["month"].strftime("%B %Y"),
            "source": labels.get(r["source"], r["source"]),
            "count": r["count"],
        }
        for r in rows
    ]


def _stage_dates(cases):
    """{case id: {stage: first time it was reached}}, the enquiry counting from enquired_at."""
    dates = defaultdict(dict)
    for pk, enquired_at in cases.values_list("pk", "enquired_at"):
        dates[pk][Stage.ENQUIRY] = enquired_at
    for case_id, stage, at in (
        StageMove.objects.filter(case__in=cases)
        .order_by("at")
        .values_list("case_id", "to_stage", "at")
    ):
        dates[case_id].setdefault(stage, at)
    return dates


def conversion(cases=None):
    """How many cases reached each stage of the journey, and the share of all enquiries."""
    cases = cases if cases is not None else FosteringCase.objects.all()
    dates = _stage_dates(cases)
    total = len(dates)
    rows = []
    # The journey, then the review route after a decision not to approve, and its end.
    for stage in [*JOURNEY, *REVIEW, Stage.REFUSED]:
        reached = sum(1 for d in dates.values() if stage in d)
        rows.append(
            {
                "stage": Stage(stage).label,
                "reached": reached,
                "percent": round(100 * reached / total, 1) if total else 0,
            }
        )
    return rows


def median_days_between_stages(cases=None):
    cases = cases if cases is not None else FosteringCase.objects.all()
    dates = _stage_dates(cases)
    rows = []
    steps = [
        *zip(JOURNEY, JOURNEY[1:], strict=False),
        # The review route: how long applicants take to ask, the review, the final decision.
        *zip(REVIEW, REVIEW[1:], strict=False),
        (Stage.NOT_APPROVED, Stage.FINAL_DECISION),
    ]
    for earlier, later in steps:
        gaps = [
            (d[later] - d[earlier]).total_seconds() / 86400
            for d in dates.values()
            if earlier in d and later in d
        ]
        rows.append(
            {
                "from": Stage(earlier).label,
                "to": Stage(later).label,
                "cases": len(gaps),
                "median_days": round(statistics.median(gaps), 1) if gaps else None,
            }
        )
    return rows


def withdrawal_reasons(cases=None):
    cases = cases if cases is not None else FosteringCase.objects.all()
    counts = Counter(
        (stage, reason or "No reason recorded")
        for stage, reason in cases.filter(stage__in=NEEDS_REASON & CLOSED).values_list(
            "stage", "closed_reason"
        )
    )
    return [
        {"outcome": Stage(stage).label, "reason": reason, "count": count}
        for (stage, reason), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def stage_counts(cases=None):
    cases = cases if cases is not None else FosteringCase.objects.all()
    counts = dict(cases.values_list("stage").annotate(n=Count("pk")))
    return [{"stage": s, "label": s.label, "count": counts.get(s, 0)} for s in Stage]


def open_cases_flagged_first(cases, *, today=None):
    """Open cases, those with a clock at risk or overdue first, oldest enquiry first.

    Each case is annotated with `is_flagged`, worked out in the database: a page costs the
    same number of queries however many cases are open, and no case off the page is loaded.
    """
    flagged = flagged_filter(today=today)
    return (
        cases.open()
        .annotate(
            is_flagged=Case(
                When(flagged, then=Value(True)), default=Value(False), output_field=BooleanField()
            ),
        )
        .select_related("assessing_worker")
        .order_by("-is_flagged", "enquired_at", "pk")
    )


def with_clocks(cases, *, today=None):
    """These cases (a page of them) paired with their clocks and the flagged ones."""
    rules = FosteringRules.load()
    days = WorkingDays()
    rows = []
    cases = list(cases)
    prefetch_related_objects(cases, "moves")
    for case in cases:
        clocks = case_clocks(case, today=today, rules=rules, days=days)
        rows.append(
            {"case": case, "clocks": clocks, "flagged": [c for c in clocks if c.is_flagged]}
        )
    return rows
