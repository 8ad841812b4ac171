"""Figures for the fostering dashboard and reports."""

import statistics
from collections import Counter, defaultdict

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .clocks import WorkingDays, case_clocks
from .models import EnquirySource, FosteringCase, FosteringRules, StageMove
from .pipeline import JOURNEY, NEEDS_REASON, Stage


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
    for stage in JOURNEY:
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
    for earlier, later in zip(JOURNEY, JOURNEY[1:], strict=False):
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
        for stage, reason in cases.filter(stage__in=NEEDS_REASON).values_list(
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


def cases_with_clocks(cases, *, today=None):
    """Open cases paired with their clocks, flagged cases first."""
    rules = FosteringRules.load()
    days = WorkingDays()
    rows = []
    for case in cases.open().select_related("assessing_worker").prefetch_related("moves"):
        clocks = case_clocks(case, today=today, rules=rules, days=days)
        rows.append(
            {"case": case, "clocks": clocks, "flagged": [c for c in clocks if c.is_flagged]}
        )
    rows.sort(
        key=lambda r: (
            not r["flagged"],
            min((c.due for c in r["flagged"]), default=None) or r["case"].enquired_at.date(),
        )
    )
    return rows
