"""L&D figures: fill rates, waiting lists, no-shows and completions per course and
session, and mandatory-training compliance by team, locality and employment type."""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils import timezone

from accounts.models import EmploymentType, StaffProfile, User
from core import spreadsheets
from core.booking import HOLDS_PLACE, BookingStatus

from .models import AcademySettings, Booking, Completion, CoursePage, TrainingSession
from .services.compliance import (
    MandatoryStatus,
    latest_completions,
    mandatory_items,
    mandatory_rules,
)


def _pct(part, whole):
    return round(100 * part / whole, 1) if whole else None


def session_rows(start=None, end=None, course=None):
    sessions = TrainingSession.objects.filter(is_cancelled=False)
    if start:
        sessions = sessions.filter(starts_at__date__gte=start)
    if end:
        sessions = sessions.filter(starts_at__date__lte=end)
    if course:
        sessions = sessions.filter(course=course)
    # Count per session in one grouped query over bookings alone: grouping the session
    # rows themselves would group by every column of the joined course page too.
    counts = {
        row["session_id"]: row
        for row in Booking.objects.filter(session__in=sessions.values("pk"))
        .values("session_id")
        .annotate(
            taken=Count("id", filter=Q(status__in=HOLDS_PLACE)),
            waiting=Count("id", filter=Q(status=BookingStatus.WAITLISTED)),
            attended=Count("id", filter=Q(status=BookingStatus.ATTENDED)),
            no_shows=Count("id", filter=Q(status=BookingStatus.NO_SHOW)),
            late=Count("id", filter=Q(status=BookingStatus.CANCELLED_LATE)),
        )
    }
    titles = dict(CoursePage.objects.values_list("pk", "title"))
    trainers = {
        u.pk: str(u)
        for u in User.objects.filter(pk__in=sessions.values("trainer_id")).only(
            "first_name", "last_name", "email"
        )
    }
    empty = {"taken": 0, "waiting": 0, "attended": 0, "no_shows": 0, "late": 0}
    rows = sessions.order_by("starts_at").values_list(
        "pk", "course_id", "starts_at", "trainer_id", "capacity"
    )
    for pk, course_id, starts_at, trainer_id, capacity in rows.iterator(chunk_size=2000):
        c = counts.get(pk, empty)
        yield {
            "course": titles.get(course_id, ""),
            "starts": timezone.localtime(starts_at).strftime("%Y-%m-%d %H:%M"),
            "trainer": trainers.get(trainer_id, ""),
            "capacity": capacity,
            "taken": c["taken"],
            "fill": _pct(c["taken"], capacity),
            "waiting": c["waiting"],
            "attended": c["attended"],
            "no_shows": c["no_shows"],
            "late": c["late"],
        }


SESSION_HEADINGS = {
    "course": "Course",
    "starts": "Starts",
    "trainer": "Trainer",
    "capacity": "Places",
    "taken": "Booked",
    "fill": "Fill rate (%)",
    "waiting": "Waiting list",
    "attended": "Attended",
    "no_shows": "No-shows",
    "late": "Cancelled late",
}


def course_rows(start=None, end=None):
    by_session = {
        row["course_id"]: row
        for row in TrainingSession.objects.filter(is_cancelled=False)
        .filter(**({"starts_at__date__gte": start} if start else {}))
        .filter(**({"starts_at__date__lte": end} if end else {}))
        .values("course_id")
        .annotate(
            sessions=Count("id", distinct=True),
            capacity=Sum("capacity"),
        )
    }
    bookings = {
        row["session__course_id"]: row
        for row in Booking.objects.filter(session__is_cancelled=False)
        .filter(**({"session__starts_at__date__gte": start} if start else {}))
        .filter(**({"session__starts_at__date__lte": end} if end else {}))
        .values("session__course_id")
        .annotate(
            taken=Count("id", filter=Q(status__in=HOLDS_PLACE)),
            waiting=Count("id", filter=Q(status=BookingStatus.WAITLISTED)),
            no_shows=Count("id", filter=Q(status=BookingStatus.NO_SHOW)),
        )
    }
    completions = Completion.objects.all()
    if start:
        completions = completions.filter(completed_on__gte=start)
    if end:
        completions = completions.filter(completed_on__lte=end)
    done = dict(completions.values_list("course_id").annotate(n=Count("id")))
    for course in CoursePage.objects.live().order_by("title").only("id", "title", "format"):
        s = by_session.get(course.pk, {})
        b = bookings.get(course.pk, {})
        capacity = s.get("capacity") or 0
        yield {
            "course": course.title,
            "format": course.get_format_display(),
            "sessions": s.get("sessions", 0),
            "capacity": capacity,
            "taken": b.get("taken", 0),
            "fill": _pct(b.get("taken", 0), capacity),
            "waiting": b.get("waiting", 0),
            "no_shows": b.get("no_shows", 0),
            "completions": done.get(course.pk, 0),
        }


COURSE_HEADINGS = {
    "course": "Course",
    "format": "Format",
    "sessions": "Sessions",
    "capacity": "Places",
    "taken": "Booked",
    "fill": "Fill rate (%)",
    "waiting": "Waiting list",
    "no_shows": "No-shows",
    "completions": "Completions",
}


@dataclass
class _Tally:
    people: set
    required: int = 0
    done: int = 0
    overdue: int = 0


GROUPINGS = {
    "team": "Team",
    "locality": "Locality",
    "employment_type": "Employment type",
}


def compliance_rows(group_by="team", today=None):
    """For each group: mandatory items required of its current staff, done, due, overdue."""
    today = today or timezone.localdate()
    rules = mandatory_rules()
    latest = latest_completions()
    window = AcademySettings.load().renewal_window_days
    labels = dict(EmploymentType.choices)
    tallies: dict[str, _Tally] = {}
    profiles = StaffProfile.objects.current(today).select_related("team", "locality")
    for profile in profiles.iterator(chunk_size=2000):
        if group_by == "locality":
            key = str(profile.locality) if profile.locality_id else "No locality"
        elif group_by == "employment_type":
            key = labels.get(profile.employment_type, profile.employment_type)
        else:
            key = str(profile.team)
        tally = tallies.setdefault(key, _Tally(people=set()))
        tally.people.add(profile.pk)
        for item in mandatory_items(
            profile, rules=rules, latest=latest, today=today, renewal_window_days=window
        ):
            tally.required += 1
            if item.in_date:
                tally.done += 1
            elif item.status == MandatoryStatus.OVERDUE:
                tally.overdue += 1
    for key in sorted(tallies):
        t = tallies[key]
        yield {
            "group": key,
            "people": len(t.people),
            "required": t.required,
            "done": t.done,
            "due": t.required - t.done - t.overdue,
            "overdue": t.overdue,
            "compliance": _pct(t.done, t.required),
        }


COMPLIANCE_HEADINGS = {
    "group": "Group",
    "people": "Staff",
    "required": "Mandatory courses required",
    "done": "Done and in date",
    "due": "Due (not yet overdue)",
    "overdue": "Overdue",
    "compliance": "Compliance (%)",
}


def _table(rows, headings):
    """The report's rows (dicts) as lists in the order of its headings."""
    return list(headings.values()), ([row[key] for key in headings] for row in rows)


# The academy's figures are written by the portal's one spreadsheet writer.
def write_csv(rows, headings, stream):
    return spreadsheets.write_csv(stream, *_table(rows, headings))


def write_xlsx(rows, headings, stream, title="Report"):
    return spreadsheets.write_xlsx(stream, [(title, *_table(rows, headings))])


def spreadsheet_response(rows, headings, fmt, filename):
    return spreadsheets.table_response(*_table(rows, headings), fmt, filename, title=filename)


REPORTS = {
    "courses": (course_rows, COURSE_HEADINGS, "Courses"),
    "sessions": (session_rows, SESSION_HEADINGS, "Sessions"),
    "compliance": (compliance_rows, COMPLIANCE_HEADINGS, "Compliance"),
}
