"""The L&D dashboard's figures: compliance month by month (from the monthly snapshots),
compliance by team, locality and employment type, bookings by month, knowledge-check pass
rates and programme progress. Every function takes `team_ids`: None for L&D (everyone),
or a line manager's teams."""

import datetime
from collections import defaultdict

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone

from accounts.models import EmploymentType, StaffProfile
from core.booking import BookingStatus

from .models import (
    AcademySettings,
    Booking,
    CheckAttempt,
    Completion,
    ComplianceSnapshot,
    Enrolment,
    TrainingSession,
)
from .services.compliance import (
    MandatoryStatus,
    mandatory_items,
    mandatory_rules,
)


def _pct(part, whole):
    return round(100 * part / whole, 1) if whole else None


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def take_compliance_snapshot(today: datetime.date | None = None) -> int:
    """Record (or refresh) this month's compliance for every group of current staff.
    Returns the number of groups. Safe to run as often as you like."""
    today = today or timezone.localdate()
    rules = mandatory_rules()
    # Only what was completed by that day counts, so a past month can be filled in later.
    latest = {
        (row["user_id"], row["course_id"]): row["last"]
        for row in Completion.objects.filter(completed_on__lte=today)
        .values("user_id", "course_id")
        .annotate(last=Max("completed_on"))
    }
    window = AcademySettings.load().renewal_window_days
    groups: dict[tuple, dict] = defaultdict(
        lambda: {"people": 0, "required": 0, "in_date": 0, "overdue": 0}
    )
    for profile in StaffProfile.objects.current(today).iterator(chunk_size=2000):
        tally = groups[(profile.team_id, profile.locality_id, profile.employment_type)]
        tally["people"] += 1
        for item in mandatory_items(
            profile, rules=rules, latest=latest, today=today, renewal_window_days=window
        ):
            tally["required"] += 1
            tally["in_date"] += item.in_date
            tally["overdue"] += item.status == MandatoryStatus.OVERDUE
    month = month_start(today)
    now = timezone.now()
    with transaction.atomic():
        ComplianceSnapshot.objects.filter(month=month).delete()
        ComplianceSnapshot.objects.bulk_create(
            ComplianceSnapshot(
                month=month,
                team_id=team,
                locality_id=locality,
                employment_type=employment,
                taken_at=now,
                **tally,
            )
            for (team, locality, employment), tally in groups.items()
        )
    return len(groups)


def _snapshots(team_ids):
    rows = ComplianceSnapshot.objects.all()
    if team_ids is not None:
        rows = rows.filter(team_id__in=team_ids)
    return rows


def compliance_trend(team_ids=None, months=12, today=None) -> list[dict]:
    today = today or timezone.localdate()
    since = month_start(today) - relativedelta(months=months - 1)
    totals = (
        _snapshots(team_ids)
        .filter(month__gte=since)
        .values("month")
        .annotate(people=Sum("people"), required=Sum("required"), in_date=Sum("in_date"))
        .order_by("month")
    )
    return [
        {
            "month": row["month"],
            "label": f"{row['month']:%B %Y}",
            "short": f"{row['month']:%b %y}",
            "people": row["people"],
            "required": row["required"],
            "in_date": row["in_date"],
            "compliance": _pct(row["in_date"], row["required"]),
        }
        for row in totals
    ]


def _latest_month(team_ids):
    return _snapshots(team_ids).order_by("-month").values_list("month", flat=True).first()


def compliance_by(dimension: str, team_ids=None) -> list[dict]:
    """The latest month's compliance by team or locality, permanent and agency staff
    side by side (other employment types in their own columns)."""
    month = _latest_month(team_ids)
    if month is None:
        return []
    field = {"team": "team__name", "locality": "locality__name"}[dimension]
    rows = (
        _snapshots(team_ids)
        .filter(month=month)
        .values(field, "employment_type")
        .annotate(required=Sum("required"), in_date=Sum("in_date"), people=Sum("people"))
    )
    table: dict[str, dict] = {}
    for row in rows:
        name = row[field] or "None recorded"
        entry = table.setdefault(name, {"group": name, "people": 0, "by_type": {}})
        entry["people"] += row["people"]
        kind = entry["by_type"].setdefault(row["employment_type"], [0, 0])
        kind[0] += row["in_date"]
        kind[1] += row["required"]
    result = []
    for name in sorted(table):
        entry = table[name]
        by_type = entry.pop("by_type")
        for value, _label in EmploymentType.choices:
            done, required = by_type.get(value, (0, 0))
            entry[value] = _pct(done, required)
        done = sum(v[0] for v in by_type.values())
        required = sum(v[1] for v in by_type.values())
        entry["all"] = _pct(done, required)
        result.append(entry)
    return result


def bookings_by_month(team_ids=None, months=12, today=None) -> list[dict]:
    """Sessions that ran each month: places, places taken (fill rate), people left on
    waiting lists and no-shows. For a manager's teams, their people's bookings only."""
    today = today or timezone.localdate()
    first = month_start(today) - relativedelta(months=months - 1)
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time()))
    end = timezone.make_aware(
        datetime.datetime.combine(month_start(today) + relativedelta(months=1), datetime.time())
    )
    # Month of each session that ran, worked out here rather than per booking in SQL.
    sessions = TrainingSession.objects.filter(starts_at__gte=start, starts_at__lt=end)
    month_of, capacity = {}, defaultdict(int)
    for pk, starts_at, places, cancelled in sessions.values_list(
        "pk", "starts_at", "capacity", "is_cancelled"
    ):
        local = timezone.localtime(starts_at)
        key = (local.year, local.month)
        month_of[pk] = key
        if not cancelled:
            capacity[key] += places
    bookings = Booking.objects.filter(session__starts_at__gte=start, session__starts_at__lt=end)
    if team_ids is not None:
        bookings = bookings.filter(user__staff_profile__team_id__in=team_ids)
        capacity = {}
    taken = {BookingStatus.CONFIRMED, BookingStatus.ATTENDED, BookingStatus.NO_SHOW}
    counts = defaultdict(lambda: {"taken": 0, "waiting": 0, "no_shows": 0})
    rows = bookings.values("session_id").annotate(
        taken=Count("pk", filter=Q(status__in=taken)),
        waiting=Count("pk", filter=Q(status=BookingStatus.WAITLISTED)),
        no_shows=Count("pk", filter=Q(status=BookingStatus.NO_SHOW)),
    )
    for row in rows:
        tally = counts[month_of[row["session_id"]]]
        for name in ("taken", "waiting", "no_shows"):
            tally[name] += row[name]
    result = []
    for n in range(months):
        month = first + relativedelta(months=n)
        key = (month.year, month.month)
        row = counts[key]
        places = capacity.get(key)
        result.append(
            {
                "month": month,
                "label": f"{month:%B %Y}",
                "short": f"{month:%b %y}",
                "places": places,
                "taken": row["taken"],
                "fill_rate": _pct(row["taken"], places) if places else None,
                "waiting": row["waiting"],
                "no_shows": row["no_shows"],
                "no_show_rate": _pct(row["no_shows"], row["taken"]),
            }
        )
    return result


def check_results(team_ids=None) -> list[dict]:
    """Knowledge-check attempts and pass rates per module."""
    attempts = CheckAttempt.objects.filter(submitted_at__isnull=False)
    if team_ids is not None:
        attempts = attempts.filter(user__staff_profile__team_id__in=team_ids)
    rows = (
        attempts.values("module_id", "module__title")
        .annotate(
            attempts=Count("pk"),
            passed=Count("pk", filter=Q(passed=True)),
            people=Count("user", distinct=True),
        )
        .order_by("module__path")
    )
    return [
        {
            "module": row["module__title"],
            "attempts": row["attempts"],
            "passed": row["passed"],
            "people": row["people"],
            "pass_rate": _pct(row["passed"], row["attempts"]),
            "attempts_per_person": round(row["attempts"] / row["people"], 1),
        }
        for row in rows
    ]


def programme_progress(team_ids=None) -> list[dict]:
    enrolments = Enrolment.objects.all()
    if team_ids is not None:
        enrolments = enrolments.filter(user__staff_profile__team_id__in=team_ids)
    rows = (
        enrolments.values("programme__name")
        .annotate(
            enrolled=Count("pk"),
            completed=Count("pk", filter=Q(completed_on__isnull=False)),
        )
        .order_by("programme__name")
    )
    return [
        {
            "programme": row["programme__name"],
            "enrolled": row["enrolled"],
            "completed": row["completed"],
            "in_progress": row["enrolled"] - row["completed"],
            "completion_rate": _pct(row["completed"], row["enrolled"]),
        }
        for row in rows
    ]
