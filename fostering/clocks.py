"""The regulated clocks on a fostering case, in working days where the rules say so.

Every function takes `today` so the clocks can be tested (and reasoned about) against a
controlled date. The periods come from `FosteringRules`, which an administrator edits.
"""

import calendar
import datetime
import operator
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from .pipeline import CLOSED, JOURNEY, Stage


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
    return frozenset(JOURNEY[JOURNEY.index(stage) :])


def _status(due, met_on, today, at_risk) -> str:
    """A clock's status; `at_risk` is a callable, only worked out for a clock still running."""
    if met_on:
        return "met" if met_on <= due else "late"
    if today > due:
        return "overdue"
    if at_risk():
        return "at_risk"
    return "on_track"


@dataclass(frozen=True)
class ClockRule:
    """One regulated clock: the date it runs from, how its deadline follows, what stops it.

    A clock runs from a date on the case (`starts_from`) and stops when the case first moves
    into one of `met_by_stages`, or when the date field `met_by_field` is filled in.
    """

    key: str
    starts_from: str
    label: Callable
    due: Callable  # (start date, rules, working days) -> deadline
    at_risk: Callable  # (deadline, today, rules, working days) -> bool
    met_by_stages: frozenset = frozenset()
    met_by_field: str = ""

    def start(self, case) -> datetime.date | None:
        value = getattr(case, self.starts_from)
        return _local_date(value) if isinstance(value, datetime.datetime) else value

    def met_on(self, case) -> datetime.date | None:
        if self.met_by_field:
            return getattr(case, self.met_by_field)
        return _reached_on(case, self.met_by_stages)


def _short_risk(due, today, rules, days):
    return days.between(today, due) < rules.at_risk_working_days


def _panel_risk(due, today, rules, days):
    return (due - today).days <= rules.panel_at_risk_days


CLOCK_RULES = [
    ClockRule(
        "reply",
        "enquired_at",
        lambda r: f"Reply to the enquiry within {r.enquiry_reply_working_days} working day(s)",
        lambda start, r, days: days.add(start, r.enquiry_reply_working_days),
        _short_risk,
        met_by_stages=_at_or_after(Stage.INITIAL_CALL),
    ),
    ClockRule(
        "first_visit",
        "enquired_at",
        lambda r: f"First visit within {r.first_visit_working_days} working days",
        lambda start, r, days: days.add(start, r.first_visit_working_days),
        _short_risk,
        met_by_stages=_at_or_after(Stage.INITIAL_VISIT),
    ),
    ClockRule(
        "panel_recommendation",
        "application_received_on",
        lambda r: (
            f"Panel recommendation within {r.panel_recommendation_months} months of the "
            "application (NMS 14)"
        ),
        lambda start, r, days: add_months(start, r.panel_recommendation_months),
        _panel_risk,
        met_by_stages=_at_or_after(Stage.PANEL_RECOMMENDATION),
    ),
    ClockRule(
        "stage_two_decision",
        "stage_one_completed_on",
        lambda r: (
            f"Tell the applicants within {r.stage_two_decision_working_days} working days of "
            "the last Stage 1 check whether they can go on to Stage 2"
        ),
        lambda start, r, days: days.add(start, r.stage_two_decision_working_days),
        _short_risk,
        met_by_stages=_at_or_after(Stage.STAGE_TWO),
    ),
    ClockRule(
        "panel_papers",
        "panel_date",
        lambda r: f"Panel papers out {r.panel_papers_working_days} working days before panel",
        lambda start, r, days: days.add(start, -r.panel_papers_working_days),
        _short_risk,
        met_by_field="panel_papers_sent_on",
    ),
    ClockRule(
        "agency_decision",
        "panel_minutes_received_on",
        lambda r: (
            f"Agency decision within {r.agency_decision_working_days} working days of the minutes"
        ),
        lambda start, r, days: days.add(start, r.agency_decision_working_days),
        _short_risk,
        met_by_stages=_at_or_after(Stage.AGENCY_DECISION),
    ),
]


def case_clocks(case, *, today=None, rules=None, days=None) -> list[Clock]:
    """The clocks that apply to this case now, each with its due date and status."""
    from .models import FosteringRules

    today = today or timezone.localdate()
    rules = rules or FosteringRules.load()
    days = days or WorkingDays()
    clocks = []
    for rule in CLOCK_RULES:
        start = rule.start(case)
        if start is None:
            continue
        due = rule.due(start, rules, days)
        met_on = rule.met_on(case)
        if not met_on and case.is_closed:
            continue  # a closed case has no clock still running

        def at_risk(due=due, rule=rule):
            return rule.at_risk(due, today, rules, days)

        status = _status(due, met_on, today, at_risk)
        clocks.append(Clock(rule.key, rule.label(rules), due, met_on, status))
    return clocks


def flagged_clocks(case, **kwargs) -> list[Clock]:
    return [c for c in case_clocks(case, **kwargs) if c.is_flagged]


# --- The same flags, worked out in the database -----------------------------------

# How far either side of today to look for the latest flagged start date: wider than any
# clock's period, so a start date this far back is flagged and one this far ahead is not.
_SEARCH_DAYS = 3 * 366


def _latest_flagged_start(rule, today, rules, days) -> datetime.date | None:
    """The latest start date for which this clock, still running, is flagged today.

    A later start never gives an earlier deadline, and a later deadline is never more at
    risk, so the flagged start dates are exactly those on or before this one. Found by
    halving the interval, with the same arithmetic `case_clocks` uses.
    """

    def flagged(start):
        due = rule.due(start, rules, days)
        return _status(due, None, today, lambda: rule.at_risk(due, today, rules, days)) in {
            "at_risk",
            "overdue",
        }

    low, high = (
        today - datetime.timedelta(days=_SEARCH_DAYS),
        today + datetime.timedelta(days=_SEARCH_DAYS),
    )
    if not flagged(low):
        return None
    if flagged(high):
        return high
    while (high - low).days > 1:  # flagged(low) and not flagged(high)
        middle = low + datetime.timedelta(days=(high - low).days // 2)
        if flagged(middle):
            low = middle
        else:
            high = middle
    return low


def flagged_filter(*, today=None, rules=None, days=None) -> Q:
    """A filter for the open cases with a clock at risk or overdue `today`.

    Gives the same answer as `case_clocks` for every case, without loading any: the
    dashboard pages and counts with it, and the daily alerts only look at what it matches.
    """
    from .models import FosteringRules, StageMove

    today = today or timezone.localdate()
    rules = rules or FosteringRules.load()
    days = days or WorkingDays()
    running = []
    for rule in CLOCK_RULES:
        latest = _latest_flagged_start(rule, today, rules, days)
        if latest is None:
            continue
        if rule.starts_from == "enquired_at":
            next_midnight = timezone.make_aware(
                datetime.datetime.combine(latest + datetime.timedelta(days=1), datetime.time())
            )
            started = Q(enquired_at__lt=next_midnight)
        else:
            started = Q(**{f"{rule.starts_from}__lte": latest})
        if rule.met_by_field:
            not_met = Q(**{f"{rule.met_by_field}__isnull": True})
        else:
            not_met = ~Exists(
                StageMove.objects.filter(case=OuterRef("pk"), to_stage__in=rule.met_by_stages)
            )
        running.append(started & not_met)
    if not running:
        return Q(pk__in=[])
    return ~Q(stage__in=CLOSED) & reduce(operator.or_, running)
