"""Time the academy's L&D reports and exports on realistic data sizes.

    /work/main/.venv/bin/python bench/academy_reports.py [--db postgres://…]

Builds a scratch database (SQLite in a temporary directory unless --db is given) with
the whole workforce (685 staff), 40 courses with mandatory rules, three years of
sessions (about 1,800) and about 25,000 bookings and 18,000 completions, then times each
report on screen and as CSV and XLSX.
"""

import argparse
import datetime
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]

parser = argparse.ArgumentParser()
parser.add_argument("--db", help="DATABASE_URL of an empty scratch database")
parser.add_argument("--staff", type=int, default=685)
parser.add_argument("--courses", type=int, default=40)
parser.add_argument("--years", type=int, default=3)
args = parser.parse_args()

tmp = tempfile.mkdtemp(prefix="academy-bench-")
os.environ["DATABASE_URL"] = args.db or f"sqlite:///{tmp}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

call_command("migrate", verbosity=0)

from academy.factories import academy_index  # noqa: E402
from academy.models import (  # noqa: E402
    Booking,
    Completion,
    CourseFormat,
    CoursePage,
    MandatoryRule,
    TrainingSession,
)
from academy.reports import REPORTS, write_csv, write_xlsx  # noqa: E402
from accounts.models import (  # noqa: E402
    EmploymentType,
    JobRole,
    Locality,
    StaffProfile,
    Team,
    User,
)
from core.booking import BookingStatus  # noqa: E402


def build():
    rng = random.Random(7)
    localities = [Locality.objects.create(name=n) for n in ("Central", "East", "West")]
    teams = [Team.objects.create(name=f"Team {n}", locality=localities[n % 3]) for n in range(24)]
    roles = [JobRole.objects.create(name=f"Role {n}") for n in range(12)]
    users = User.objects.bulk_create(
        [
            User(email=f"staff{n}@bench.example", first_name="S", last_name=str(n))
            for n in range(args.staff)
        ]
    )
    StaffProfile.objects.bulk_create(
        [
            StaffProfile(
                user=u,
                team=rng.choice(teams),
                locality=rng.choice(localities),
                job_role=rng.choice(roles),
                employment_type=rng.choice(list(EmploymentType)),
                start_date=datetime.date(2020, 1, 1)
                + datetime.timedelta(days=rng.randint(0, 2000)),
            )
            for u in users
        ]
    )
    index = academy_index()
    courses = []
    for n in range(args.courses):
        course = CoursePage(
            title=f"Course {n:02d}",
            slug=f"course-{n}",
            summary="s",
            format=rng.choice(list(CourseFormat)),
            duration="1 day",
            renewal_months=rng.choice([None, 12, 24, 36]),
        )
        if n % 4 == 0:
            course.mandatory_rules = [MandatoryRule(due_within_days=90)]
        elif n % 4 == 1:
            course.mandatory_rules = [MandatoryRule(job_role=rng.choice(roles))]
        index.add_child(instance=course)
        courses.append(course)
    now = timezone.now()
    sessions = []
    for course in courses:
        start = now - datetime.timedelta(days=365 * args.years - 200)
        while start < now + datetime.timedelta(days=200):
            sessions.append(
                TrainingSession(
                    course=course,
                    starts_at=start,
                    ends_at=start + datetime.timedelta(hours=6),
                    capacity=rng.choice([8, 12, 16, 20]),
                )
            )
            start += datetime.timedelta(days=rng.randint(21, 45))
    sessions = TrainingSession.objects.bulk_create(sessions)
    bookings, completions = [], []
    for session in sessions:
        past = session.starts_at < now
        for user in rng.sample(
            users, min(len(users), int(session.capacity * rng.uniform(0.5, 1.3)))
        ):
            if (
                len(bookings)
                and bookings[-1].session is session
                and sum(1 for b in bookings[-40:] if b.session is session) >= session.capacity
            ):
                status = BookingStatus.WAITLISTED if not past else BookingStatus.CANCELLED
            elif past:
                status = rng.choices(
                    [BookingStatus.ATTENDED, BookingStatus.NO_SHOW], weights=[9, 1]
                )[0]
            else:
                status = BookingStatus.CONFIRMED
            bookings.append(Booking(session=session, user=user, status=status))
    Booking.objects.bulk_create(bookings, batch_size=2000)
    for b in Booking.objects.filter(status=BookingStatus.ATTENDED).select_related("session"):
        completions.append(
            Completion(
                user_id=b.user_id,
                course_id=b.session.course_id,
                booking=b,
                completed_on=b.session.starts_at.date(),
                source="attendance",
            )
        )
    Completion.objects.bulk_create(completions, batch_size=2000)
    return len(sessions), len(bookings), len(completions)


def timed(label, func, repeat=3, unit="rows"):
    best = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = func()
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    print(f"  {label:<44} {best * 1000:8.1f} ms  ({result} {unit})")


def main():
    started = time.perf_counter()
    n_sessions, n_bookings, n_completions = build()
    print(
        f"Data: {args.staff} staff, {args.courses} courses, {n_sessions} sessions, "
        f"{n_bookings} bookings, {n_completions} completions "
        f"(built in {time.perf_counter() - started:.1f} s on {django.db.connection.vendor})"
    )
    for key, (rows_for, headings, _title) in REPORTS.items():
        params = {"group_by": "team"} if key == "compliance" else {}

        def rows(rows_for=rows_for, params=params):
            return rows_for(**params)

        timed(f"{key}: compute rows", lambda rows=rows: len(list(rows())))
        timed(f"{key}: CSV export", lambda r=rows, h=headings: write_csv(r(), h, io.StringIO()))
        timed(f"{key}: XLSX export", lambda r=rows, h=headings: write_xlsx(r(), h, io.BytesIO()))
    compliance = REPORTS["compliance"][0]
    for group in ("locality", "employment_type"):
        timed(f"compliance by {group}", lambda g=group: len(list(compliance(group_by=g))))
    admin_reports()
    dashboard()


def dashboard():
    """The L&D dashboard: monthly snapshots over the benchmark's years, knowledge-check
    attempts on five modules, programme enrolments; each section timed for L&D (everyone)
    and for one team, then the whole page as a line manager would load it."""
    from dateutil.relativedelta import relativedelta
    from django.contrib.sessions.backends.cache import SessionStore
    from django.test import RequestFactory

    from academy.checks_content import question
    from academy.dashboard import take_compliance_snapshot
    from academy.models import CheckAttempt, ELearningModulePage, Enrolment, Programme
    from academy.views.dashboard import SECTIONS
    from academy.views.dashboard import dashboard as dashboard_view

    rng = random.Random(11)
    today = timezone.localdate()
    timed("dashboard: one monthly snapshot", lambda: take_compliance_snapshot(today), 1, "groups")
    for n in range(1, 12 * args.years):
        take_compliance_snapshot(today - relativedelta(months=n))
    course = CoursePage(
        title="Practice framework e-learning",
        slug="pf",
        summary="s",
        format="e_learning",
        duration="2 hours",
    )
    academy_index().add_child(instance=course)
    bank = [question(f"Question {n}?", "Right", ["Wrong", "Also wrong"]) for n in range(6)]
    modules = []
    for n in range(5):
        module = ELearningModulePage(
            title=f"Module {n}",
            slug=f"m{n}",
            body="<p>b</p>",
            check_questions=bank,
            questions_per_attempt=4,
        )
        course.add_child(instance=module)
        modules.append(module)
    users = list(User.objects.filter(email__endswith="@bench.example"))
    now = timezone.now()
    attempts = []
    for user in users:
        for module in modules:
            for passed in ([False] * rng.choice([0, 0, 1, 2])) + [True]:
                attempts.append(
                    CheckAttempt(
                        user=user,
                        module=module,
                        questions=[],
                        pass_mark=75,
                        score=3,
                        passed=passed,
                        submitted_at=now - datetime.timedelta(days=rng.randint(0, 900)),
                    )
                )
    CheckAttempt.objects.bulk_create(attempts, batch_size=2000)
    programme = Programme.objects.create(name="Corporate induction")
    Enrolment.objects.bulk_create(
        Enrolment(
            user=u,
            programme=programme,
            starts_on=today,
            completed_on=today if rng.random() < 0.6 else None,
        )
        for u in users
    )
    print(f"  ({len(attempts)} check attempts, {_snapshot_rows()} snapshot rows)")
    team = Team.objects.order_by("pk").first()
    for key, build in SECTIONS.items():
        timed(f"dashboard {key}: everyone", lambda b=build: len(b(None)["rows"]))
        timed(f"dashboard {key}: one team", lambda b=build: len(b({team.pk})["rows"]))
    lead = User.objects.get(email="lead@bench.example")
    factory = RequestFactory()

    def page(**query):
        request = factory.get("/training/dashboard/", query)
        request.user = lead
        request.session = SessionStore()
        response = dashboard_view(request)
        assert response.status_code == 200, response.status_code
        return len(response.content)

    timed("dashboard: whole page (L&D)", page, unit="bytes")
    timed("dashboard: trend CSV", lambda: page(export="csv", table="trend"), unit="bytes")
    timed("dashboard: team XLSX", lambda: page(export="xlsx", table="team"), unit="bytes")


def _snapshot_rows():
    from academy.models import ComplianceSnapshot

    return ComplianceSnapshot.objects.count()


def admin_reports():
    """The Wagtail report views, called as the admin calls them (as a superuser)."""
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.cache import SessionStore
    from django.test import RequestFactory

    from academy.admin_reports import ComplianceReportView, SessionsReportView

    lead = User.objects.create_superuser(email="lead@bench.example", password="x")
    factory = RequestFactory()

    def call(view, path, **query):
        request = factory.get(path, query)
        request.user = lead
        request.session = SessionStore()
        request._messages = FallbackStorage(request)
        response = view(request)
        assert response.status_code == 200, response.status_code
        if hasattr(response, "render"):
            response.render()
            return len(response.context_data["object_list"])
        body = b"".join(response.streaming_content)
        return body.count(b"\n") - 1 if query.get("export") == "csv" else len(body)

    for label, view, path in (
        ("admin sessions report", SessionsReportView.as_view(), "/admin/academy-reports/sessions/"),
        (
            "admin compliance by person",
            ComplianceReportView.as_view(),
            "/admin/academy-reports/compliance/",
        ),
    ):
        timed(f"{label}: first page", lambda v=view, p=path: call(v, p))
        timed(f"{label}: CSV export", lambda v=view, p=path: call(v, p, export="csv"))
        timed(
            f"{label}: XLSX export",
            lambda v=view, p=path: call(v, p, export="xlsx"),
            unit="bytes",
        )
    team = Team.objects.order_by("pk").first()
    timed(
        "admin compliance, one team, overdue only",
        lambda: call(
            ComplianceReportView.as_view(),
            "/admin/academy-reports/compliance/",
            team=team.pk,
            standing="overdue",
        ),
    )


if __name__ == "__main__":
    main()
