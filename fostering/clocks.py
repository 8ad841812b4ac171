"""The regulated clocks on a fostering case, in working days where the rules say so.

Every function takes `today` so the clocks can be tested (and reasoned about) against a
controlled date. The periods come from `FosteringRules`, which an administrator edits.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.utils import timezone

from .pipeline import JOURNEY, Stage


class WorkingDays:
    """Working-day arithmetic: weekends and the listed bank holidays are not working days."""

    def __init__(self, holidays=None):
        if holidays is None:
            from .models import BankHoliday

            holidays = BankHoliday.objects.values_list("date", flat=True)
        self.holidays = frozenset(holidays)

    def is_working_day(self, day: datetime.date) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def add(self, day: datetime.date, days: int) -> datetime.date:
        """The date `days` working days after `day` (or before it, for a negative number)."""
        step = 1 if days >= 0 else -1
        remaining = abs(days)
        while remaining:
            day += datetime.timedelta(days=step)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days after `start` up to and including `end` (negative if end is earlier)."""
        if end < start:
            return -self.between(end, start)
        full_weeks, extra = divmod((end - start).days, 7)
        count = full_weeks * 5
        day = start + datetime.timedelta(days=full_weeks * 7)
        for _ in range(extra):
            day += datetime.timedelta(days=1)
            if day.weekday() < 5:
                count += 1
        return count - sum(1 for h in self.holidays if start < h <= end and h.weekday() < 5)


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass
class Clock:
    key: str
    label: str
    due: datetime.date
    met_on: datetime.date | None
    status: str  # "met", "late", "on_track", "at_risk", "overdue"

    @property
    def is_flagged(self) -> bool:
        return self.status in {"at_risk", "overdue"}

    @property
    def status_label(self) -> str:
        return {
            "met": "Met",
            "late": "Met late",
            "on_track": "On track",
            "at_risk": "At risk",
            "overdue": "Overdue",
        }[self.status]

    @property
    def tag_class(self) -> str:
        return {
            "met": "govuk-tag--green",
            "late": "govuk-tag--orange",
            "on_track": "govuk-tag--blue",
            "at_risk": "govuk-tag--yellow",
            "overdue": "govuk-tag--red",
        }[self.status]


def _local_date(moment):
    return timezone.localtime(moment).date() if moment else None


def _reached_on(case, stages) -> datetime.date | None:
    """The first date the case moved into any of these stages (from its recorded moves)."""
    moves = getattr(case, "_prefetched_objects_cache", {}).get("moves")
    if moves is None:
        moves = list(case.moves.all())
    dates = [_local_date(m.at) for m in moves if m.to_stage in stages]
    return min(dates) if dates else None


def _at_or_after(stage):
    return set(JOURNEY[JOURNEY.index(stage) :])


def case_clocks(case, *, today=None, rules=None, days=None) -> list[Clock]:
    """The clocks that apply to this case now, each with its due date and status."""
    from .models import FosteringRules

    today = today or timezone.localdate()
    rules = rules or FosteringRules.load()
    days = days or WorkingDays()
    clocks = []

    def clock(key, label, due, met_on, *, at_risk):
        # `at_risk` is a callable: only worked out for a clock still running.
        if met_on:
            status = "met" if met_on <= due else "late"
        elif case.is_closed:
            return
        elif today > due:
            status = "overdue"
        elif at_risk():
            status = "at_risk"
        else:
            status = "on_track"
        clocks.append(Clock(key, label, due, met_on, status))

    def short_risk(due):
        return lambda: days.between(today, due) < rules.at_risk_working_days

    enquired = _local_date(case.enquired_at)
    due = days.add(enquired, rules.enquiry_reply_working_days)
    clock(
        "reply",
        f"Reply to the enquiry within {rules.enquiry_reply_working_days} working day(s)",
        due,
        _reached_on(case, _at_or_after(Stage.INITIAL_CALL)),
        at_risk=short_risk(due),
    )
    due = days.add(enquired, rules.first_visit_working_days)
    clock(
        "first_visit",
        f"First visit within {rules.first_visit_working_days} working days",
        due,
        _reached_on(case, _at_or_after(Stage.INITIAL_VISIT)),
        at_risk=short_risk(due),
    )
    if case.application_received_on:
        due = add_months(case.application_received_on, rules.panel_recommendation_months)
        clock(
            "panel_recommendation",
            f"Panel recommendation within {rules.panel_recommendation_months} months of the "
            "application (NMS 14)",
            due,
            _reached_on(case, _at_or_after(Stage.PANEL_RECOMMENDATION)),
            at_risk=lambda due=due: (due - today).days <= rules.panel_at_risk_days,
        )
    if case.panel_date:
        due = days.add(case.panel_date, -rules.panel_papers_working_days)
        clock(
            "panel_papers",
            f"Panel papers out {rules.panel_papers_working_days} working days before panel",
            due,
            case.panel_papers_sent_on,
            at_risk=short_risk(due),
        )
    if case.panel_minutes_received_on:
        due = days.add(case.panel_minutes_received_on, rules.agency_decision_working_days)
        clock(
            "agency_decision",
            f"Agency decision within {rules.agency_decision_working_days} working days "
            "of the minutes",
            due,
            _reached_on(case, _at_or_after(Stage.AGENCY_DECISION)),
            at_risk=short_risk(due),
        )
    return clocks


def flagged_clocks(case, **kwargs) -> list[Clock]:
    return [c for c in case_clocks(case, **kwargs) if c.is_flagged]
