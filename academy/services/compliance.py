"""Mandatory training: what each rule asks of a person, and whether they are in date.

One reading of the rules for the staff member's own page, the L&D compliance figures
and the per-person compliance report, so the three can never disagree.
"""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.db.models import Max
from django.utils import timezone

from ..models import AcademySettings, Completion, MandatoryRule


class MandatoryStatus:
    DONE = "done"  # completed and in date
    RENEW = "renew"  # in date, but the renewal window has opened
    DUE = "due"  # not done (or expired), deadline still ahead
    OVERDUE = "overdue"  # not done (or expired), deadline passed


IN_DATE = {MandatoryStatus.DONE, MandatoryStatus.RENEW}


@dataclass
class MandatoryItem:
    course: object
    status: str
    last_completed: datetime.date | None
    # When the current completion runs out (DONE, RENEW), or when it is due (DUE, OVERDUE).
    date: datetime.date | None

    @property
    def in_date(self) -> bool:
        return self.status in IN_DATE


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the end of that month when it is shorter."""
    return day + relativedelta(months=months)


def mandatory_rules() -> list:
    """Every rule on a live course, loaded once for a batch of people."""
    return [
        rule
        for rule in MandatoryRule.objects.select_related("course").order_by(
            "course__title", "sort_order"
        )
        if rule.course.live
    ]


def latest_completions(user_ids=None) -> dict:
    """(user id, course id) -> the date of the person's latest completion of the course."""
    completions = Completion.objects.all()
    if user_ids is not None:
        completions = completions.filter(user_id__in=list(user_ids))
    return {
        (row["user_id"], row["course_id"]): row["last"]
        for row in completions.values("user_id", "course_id").annotate(last=Max("completed_on"))
    }


def mandatory_items(
    profile, *, rules=None, latest=None, today=None, renewal_window_days=None
) -> list[MandatoryItem]:
    """The person's mandatory courses, one item per course, with where they stand today.

    A course is due `due_within_days` after the person started; once done it stays in
    date for the course's `renewal_months` (for ever when blank), and when it lapses it
    is overdue until they complete it again."""
    today = today or timezone.localdate()
    rules = mandatory_rules() if rules is None else rules
    if latest is None:
        latest = latest_completions([profile.user_id])
    if renewal_window_days is None:
        renewal_window_days = AcademySettings.load().renewal_window_days
    items = []
    seen = set()
    for rule in rules:
        if rule.course_id in seen or not rule.applies_to(profile):
            continue
        seen.add(rule.course_id)
        course = rule.course
        last = latest.get((profile.user_id, rule.course_id))
        months = course.renewal_months
        expires = add_months(last, months) if last and months else None
        if last and (expires is None or expires >= today):
            renew = (
                expires is not None
                and expires - datetime.timedelta(days=renewal_window_days) <= today
            )
            status = MandatoryStatus.RENEW if renew else MandatoryStatus.DONE
            items.append(MandatoryItem(course, status, last, expires))
            continue
        due = expires or profile.start_date + datetime.timedelta(days=rule.due_within_days)
        status = MandatoryStatus.OVERDUE if due < today else MandatoryStatus.DUE
        items.append(MandatoryItem(course, status, last, due))
    return items


def people_summaries(profiles, today=None):
    """Each profile with a summary of its mandatory training, reading the rules and the
    completions once for the whole batch."""
    profiles = list(profiles)
    rules = mandatory_rules()
    latest = latest_completions(p.user_id for p in profiles)
    today = today or timezone.localdate()
    window = AcademySettings.load().renewal_window_days
    for profile in profiles:
        items = mandatory_items(
            profile, rules=rules, latest=latest, today=today, renewal_window_days=window
        )
        in_date = [i for i in items if i.in_date]
        overdue = [i for i in items if i.status == MandatoryStatus.OVERDUE]
        due = [i for i in items if i.status == MandatoryStatus.DUE]
        yield (
            profile,
            {
                "required": len(items),
                "in_date": len(in_date),
                "due": len(due),
                "overdue": len(overdue),
                "compliance": round(100 * len(in_date) / len(items), 1) if items else None,
                "overdue_courses": "; ".join(i.course.title for i in overdue),
                "due_courses": "; ".join(i.course.title for i in due),
            },
        )
