"""The clocks dashboard: flags worked out in the database agree with the clocks, and a page
costs the same however many cases are open."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from fostering.clocks import case_clocks, flagged_filter
from fostering.factories import FosteringCaseFactory
from fostering.models import BankHoliday, FosteringCase, FosteringRules, StageMove
from fostering.pipeline import Stage

pytestmark = pytest.mark.django_db

D = datetime.date


def at(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def reach(case, *stages, on):
    previous = case.stage
    for stage in stages:
        StageMove.objects.create(case=case, from_stage=previous, to_stage=stage, at=at(on))
        previous = stage
    case.stage = previous
    case.save(update_fields=["stage"])


@pytest.fixture
def varied_cases():
    """Cases whose clocks start, stop and fall due across weekends and a bank holiday."""
    BankHoliday.objects.create(date=D(2026, 12, 25), name="Christmas Day")
    BankHoliday.objects.create(date=D(2026, 12, 28), name="Boxing Day (substitute day)")
    start = D(2026, 12, 14)
    for n in range(24):
        day = start + datetime.timedelta(days=n)
        # Enquiries at different hours of the day, some late in the evening.
        FosteringCaseFactory(enquired_at=at(day, hour=[8, 13, 23][n % 3]))
        called = FosteringCaseFactory(enquired_at=at(day))
        reach(called, Stage.INITIAL_CALL, on=day + datetime.timedelta(days=n % 4))
        visited = FosteringCaseFactory(enquired_at=at(day - datetime.timedelta(days=20)))
        reach(visited, Stage.INITIAL_CALL, Stage.INITIAL_VISIT, on=day)
        FosteringCaseFactory(
            enquired_at=at(D(2026, 1, 5)),
            stage=Stage.STAGE_TWO,
            application_received_on=D(2026, 4, 10) + datetime.timedelta(days=n),
        ).moves.create(from_stage=Stage.ENQUIRY, to_stage=Stage.STAGE_TWO, at=at(D(2026, 2, 1)))
        papers = FosteringCaseFactory(
            enquired_at=at(D(2026, 1, 5)), stage=Stage.PANEL_BOOKED, panel_date=day
        )
        reach(papers, Stage.INITIAL_CALL, Stage.INITIAL_VISIT, on=D(2026, 1, 6))
        papers.stage = Stage.PANEL_BOOKED
        if n % 3 == 0:
            papers.panel_papers_sent_on = day - datetime.timedelta(days=8)
        papers.save()
        minutes = FosteringCaseFactory(
            enquired_at=at(D(2026, 1, 5)),
            stage=Stage.PANEL_RECOMMENDATION,
            panel_minutes_received_on=day - datetime.timedelta(days=7),
        )
        reach(minutes, Stage.INITIAL_CALL, Stage.INITIAL_VISIT, on=D(2026, 1, 6))
    closed = FosteringCaseFactory(enquired_at=at(start))
    reach(closed, Stage.WITHDRAWN, on=start)


def flagged_by_the_clocks(today):
    cases = FosteringCase.objects.prefetch_related("moves")
    return {c.pk for c in cases if any(k.is_flagged for k in case_clocks(c, today=today))}


def flagged_by_the_database(today):
    flagged = FosteringCase.objects.filter(flagged_filter(today=today))
    return set(flagged.values_list("pk", flat=True))


@pytest.mark.parametrize("at_risk_working_days", [1, 3])
def test_the_database_flags_exactly_the_cases_the_clocks_flag(varied_cases, at_risk_working_days):
    rules = FosteringRules.load()
    rules.at_risk_working_days = at_risk_working_days
    rules.save()
    for offset in range(0, 40, 1 if at_risk_working_days == 1 else 3):
        today = D(2026, 12, 10) + datetime.timedelta(days=offset)
        expected = flagged_by_the_clocks(today)
        assert expected, today  # the comparison means something on every day
        assert flagged_by_the_database(today) == expected, today


def _open_cases(count):
    """`count` open cases, visited promptly, so none is flagged."""
    old = timezone.localdate() - datetime.timedelta(days=60)
    for n in range(count):
        day = old + datetime.timedelta(days=n % 30)
        case = FosteringCaseFactory(enquired_at=at(day))
        reach(case, Stage.INITIAL_CALL, Stage.INITIAL_VISIT, on=day)


def _dashboard_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("fostering:dashboard"))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_dashboard_page_costs_the_same_for_5_or_120_open_cases(client_for):
    client = client_for("fostering team")
    _open_cases(5)
    _dashboard_queries(client)  # settings and other caches warmed up
    few, _ = _dashboard_queries(client)
    _open_cases(115)
    # Enquired today, but its panel papers were due out yesterday.
    late_papers = FosteringCaseFactory(
        stage=Stage.PANEL_BOOKED, panel_date=timezone.localdate() + datetime.timedelta(days=3)
    )
    reach(late_papers, Stage.INITIAL_CALL, Stage.INITIAL_VISIT, on=timezone.localdate())
    many, text = _dashboard_queries(client)
    assert many == few
    # The one flagged case leads the first page of 50, ahead of 120 older cases.
    assert '<strong id="flagged-count">1</strong>' in text
    assert late_papers.reference in text
    assert "Page 1 of 3" in text
