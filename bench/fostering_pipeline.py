"""Benchmark the fostering pipeline at a realistic (generous) size.

Southampton handles a few hundred fostering enquiries a year; this builds 3,000 cases
(about ten years of enquiries; set BENCH_CASES for another size) with their recorded stage
moves, then times the screens and jobs that read them: a page of the clocks dashboard (and,
for comparison, working out every open case's clocks in Python, as the dashboard once did),
the reports, the daily clock alerts, and booking places on an information event.

    /work/main/.venv/bin/python bench/fostering_pipeline.py

Uses a throwaway SQLite file unless DATABASE_URL is set (point it at a scratch database).
"""

import datetime
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

CASES = int(os.environ.get("BENCH_CASES", "3000"))


def timed(label, func, repeat=3):
    best = None
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            result = func()
            elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print(f"{label:<55} {best * 1000:8.1f} ms  {len(queries):5d} queries")
    return result


def build():
    from accounts.factories import UserFactory
    from fostering.models import FosteringCase, StageMove
    from fostering.pipeline import JOURNEY, Stage

    call_command("migrate", verbosity=0)
    worker = UserFactory(email="bench.worker@example.com", roles=["fostering team"])
    rng = random.Random(2026)
    now = timezone.now()
    cases, moves = [], []
    for n in range(CASES):
        enquired = now - datetime.timedelta(days=rng.randint(0, 3650), hours=rng.randint(0, 23))
        depth = min(int(rng.expovariate(0.35)), len(JOURNEY) - 1)
        stage = JOURNEY[depth]
        closed = depth < len(JOURNEY) - 1 and rng.random() < 0.45 and (now - enquired).days > 60
        cases.append(
            FosteringCase(
                reference=f"FC-B{n:05d}",
                first_name="Bench",
                last_name=f"Case {n}",
                email=f"bench{n}@example.com",
                phone="07700 900000",
                postcode="SO15 2AB",
                spare_bedroom="yes",
                source=rng.choice(["website", "friend", "information_event", "advert"]),
                stage=Stage.WITHDRAWN if closed else stage,
                closed_reason="Not the right time" if closed else "",
                enquired_at=enquired,
                stage_changed_at=enquired,
                assessing_worker=worker if depth else None,
                application_received_on=(enquired + datetime.timedelta(days=20)).date()
                if depth >= 3
                else None,
            )
        )
    FosteringCase.objects.bulk_create(cases, batch_size=500)
    for case in FosteringCase.objects.all():
        at = case.enquired_at
        path = (
            JOURNEY[1 : JOURNEY.index(case.stage) + 1]
            if case.stage in JOURNEY
            else [Stage.WITHDRAWN]
        )
        previous = Stage.ENQUIRY
        for stage in path:
            at += datetime.timedelta(days=rng.randint(1, 30))
            moves.append(
                StageMove(case=case, from_stage=previous, to_stage=stage, by=worker, at=at)
            )
            previous = stage
    StageMove.objects.bulk_create(moves, batch_size=1000)
    print(f"Built {FosteringCase.objects.count()} cases, {StageMove.objects.count()} stage moves")
    return worker


def main():
    from django.core.paginator import Paginator

    from core.booking import BookingError
    from fostering import queries
    from fostering.factories import InformationEventFactory
    from fostering.models import ClockAlert, FosteringCase
    from fostering.services import book_information_event
    from fostering.tasks import send_clock_alerts

    build()
    cases = FosteringCase.objects.all()

    def dashboard_page(show):
        # What the dashboard view does: count the flagged cases, take one page of 50 (flagged
        # first), and work out the clocks for that page only.
        listed = queries.open_cases_flagged_first(cases)
        flagged = listed.filter(is_flagged=True).count()
        if show == "flagged":
            listed = listed.filter(is_flagged=True)
        page = Paginator(listed, 50).get_page(1)
        return flagged, queries.with_clocks(page.object_list)

    flagged, rows = timed("Dashboard, first page of all open cases", lambda: dashboard_page("all"))
    timed("Dashboard, first page of flagged cases", lambda: dashboard_page("flagged"))
    every = timed(
        "For comparison: clocks for every open case in Python",
        lambda: queries.with_clocks(cases.open().select_related("assessing_worker")),
    )
    python_flagged = sum(1 for r in every if r["flagged"])
    print(
        f"  {len(every)} open cases; {flagged} flagged by the database, {python_flagged} by Python"
    )
    timed(
        "Report: enquiries by source and month",
        lambda: queries.enquiries_by_source_and_month(cases),
    )
    timed("Report: conversion at each stage", lambda: queries.conversion(cases))
    timed("Report: median days between stages", lambda: queries.median_days_between_stages(cases))
    timed("Report: withdrawal reasons", lambda: queries.withdrawal_reasons(cases))

    def alerts():
        ClockAlert.objects.all().delete()
        return send_clock_alerts()

    timed("Daily clock alerts (first run of the day)", alerts, repeat=1)
    timed("Daily clock alerts (second run, sends nothing)", send_clock_alerts, repeat=1)

    event = InformationEventFactory(capacity=200)
    start = time.perf_counter()
    refused = 0
    for n in range(250):
        try:
            book_information_event(event, name=f"Guest {n}", email=f"guest{n}@example.com")
        except BookingError:
            refused += 1
    elapsed = time.perf_counter() - start
    print(
        f"{'Book 250 places on a 200-place event':<55} {elapsed * 1000:8.1f} ms  "
        f"({elapsed / 250 * 1000:.1f} ms each; {event.places_left()} left, "
        f"{refused} refused as full)"
    )


if __name__ == "__main__":
    main()
