"""The regulated clocks, against a controlled date (every clock takes `today`)."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from fostering.clocks import WorkingDays, add_months, case_clocks
from fostering.factories import FosteringCaseFactory, advance
from fostering.models import BankHoliday, ClockAlert, FosteringRules
from fostering.pipeline import Stage
from fostering.services import move_case
from fostering.tasks import send_clock_alerts

pytestmark = pytest.mark.django_db

D = datetime.date
FRIDAY_27_NOV = timezone.make_aware(datetime.datetime(2026, 11, 27, 16, 0))


def clocks_by_key(case, today):
    return {c.key: c for c in case_clocks(case, today=today)}


def test_working_days_skip_weekends_and_listed_bank_holidays():
    days = WorkingDays(holidays=[])
    assert days.add(D(2026, 11, 27), 1) == D(2026, 11, 30)
    assert days.add(D(2026, 12, 10), -5) == D(2026, 12, 3)
    assert days.between(D(2026, 11, 27), D(2026, 12, 4)) == 5
    with_holidays = WorkingDays(holidays=[D(2026, 12, 25), D(2026, 12, 28)])
    assert with_holidays.add(D(2026, 12, 24), 1) == D(2026, 12, 29)
    assert add_months(D(2026, 1, 31), 8) == D(2026, 9, 30)


def test_reply_clock_over_a_weekend_goes_at_risk_then_overdue_then_met(make_user):
    case = FosteringCaseFactory(enquired_at=FRIDAY_27_NOV)
    saturday = clocks_by_key(case, D(2026, 11, 28))["reply"]
    assert saturday.due == D(2026, 11, 30)
    assert saturday.status == "on_track"
    assert clocks_by_key(case, D(2026, 11, 30))["reply"].status == "at_risk"
    assert clocks_by_key(case, D(2026, 12, 1))["reply"].status == "overdue"
    monday_morning = timezone.make_aware(datetime.datetime(2026, 11, 30, 9, 15))
    move_case(case, Stage.INITIAL_CALL, by=make_user("fostering team"), now=monday_morning)
    assert clocks_by_key(case, D(2026, 12, 1))["reply"].status == "met"


def test_a_bank_holiday_moves_the_reply_deadline():
    BankHoliday.objects.create(date=D(2026, 11, 30), name="A made-up holiday")
    case = FosteringCaseFactory(enquired_at=FRIDAY_27_NOV)
    assert clocks_by_key(case, D(2026, 11, 27))["reply"].due == D(2026, 12, 1)


def test_the_first_visit_clock_counts_five_working_days(make_user):
    case = FosteringCaseFactory(enquired_at=FRIDAY_27_NOV)
    clock = clocks_by_key(case, D(2026, 11, 30))["first_visit"]
    assert clock.due == D(2026, 12, 4) and clock.status == "on_track"
    assert clocks_by_key(case, D(2026, 12, 3))["first_visit"].status == "on_track"
    assert clocks_by_key(case, D(2026, 12, 4))["first_visit"].status == "at_risk"
    worker = make_user("fostering team")
    move_case(case, Stage.INITIAL_CALL, by=worker, now=FRIDAY_27_NOV + datetime.timedelta(days=3))
    advance(case, Stage.INITIAL_VISIT, by=worker, now=FRIDAY_27_NOV + datetime.timedelta(days=10))
    assert clocks_by_key(case, D(2026, 12, 20))["first_visit"].status == "late"


def test_the_panel_recommendation_is_due_eight_months_after_the_application():
    case = FosteringCaseFactory(stage=Stage.STAGE_TWO, application_received_on=D(2026, 1, 15))
    assert clocks_by_key(case, D(2026, 7, 1))["panel_recommendation"].due == D(2026, 9, 15)
    assert clocks_by_key(case, D(2026, 7, 1))["panel_recommendation"].status == "on_track"
    assert clocks_by_key(case, D(2026, 9, 1))["panel_recommendation"].status == "at_risk"
    assert clocks_by_key(case, D(2026, 9, 16))["panel_recommendation"].status == "overdue"


def test_panel_papers_and_the_agency_decision_clocks():
    case = FosteringCaseFactory(stage=Stage.PANEL_BOOKED, panel_date=D(2026, 12, 10))
    papers = clocks_by_key(case, D(2026, 12, 1))["panel_papers"]
    assert papers.due == D(2026, 12, 3) and papers.status == "on_track"
    case.panel_papers_sent_on = D(2026, 12, 4)
    assert clocks_by_key(case, D(2026, 12, 5))["panel_papers"].status == "late"
    case.panel_minutes_received_on = D(2026, 12, 14)
    decision = clocks_by_key(case, D(2026, 12, 23))["agency_decision"]
    assert decision.due == D(2026, 12, 23) and decision.status == "at_risk"


def test_an_administrator_changes_a_period_and_the_clocks_follow():
    rules = FosteringRules.load()
    rules.enquiry_reply_working_days = 2
    rules.save()
    case = FosteringCaseFactory(enquired_at=FRIDAY_27_NOV)
    assert clocks_by_key(case, D(2026, 11, 27))["reply"].due == D(2026, 12, 1)


def test_closed_cases_have_no_running_clocks(make_user):
    case = FosteringCaseFactory(enquired_at=FRIDAY_27_NOV)
    move_case(case, Stage.WITHDRAWN, by=make_user("fostering team"), note="Changed their mind")
    assert case_clocks(case, today=D(2026, 12, 20)) == []


def test_the_daily_alert_tells_the_assigned_worker_once_a_day(make_user):
    rules = FosteringRules.load()
    rules.team_inbox = "fostering-duty@example.com"
    rules.save()
    worker = make_user("fostering team", email="worker@example.com")
    late = FosteringCaseFactory(enquired_at=FRIDAY_27_NOV, assessing_worker=worker)
    unassigned = FosteringCaseFactory(enquired_at=FRIDAY_27_NOV)
    FosteringCaseFactory(
        enquired_at=FRIDAY_27_NOV + datetime.timedelta(days=30), assessing_worker=worker
    )
    assert send_clock_alerts("2026-12-01") == 2
    assert send_clock_alerts("2026-12-01") == 0
    to_worker, to_team = sorted(mail.outbox, key=lambda m: m.to[0], reverse=True)
    assert to_worker.to == ["worker@example.com"]
    assert late.reference in to_worker.body and "Overdue" in to_worker.body
    assert unassigned.reference not in to_worker.body
    # Nobody is assigned to a new enquiry yet: the team's shared inbox hears about it.
    assert to_team.to == ["fostering-duty@example.com"]
    assert unassigned.reference in to_team.body and "Nobody is assigned" in to_team.body
    assert late.reference not in to_team.body
    assert send_clock_alerts("2026-12-02") == 2
    assert ClockAlert.objects.filter(case=late).count() == 2


def test_without_a_team_inbox_the_whole_team_hears_of_an_unassigned_case(make_user):
    make_user("fostering team", email="grace@example.com")
    make_user("fostering team", email="omar@example.com")
    make_user("recruiter", email="not-fostering@example.com")
    unassigned = FosteringCaseFactory(enquired_at=FRIDAY_27_NOV)
    assert send_clock_alerts("2026-12-01") == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["grace@example.com", "omar@example.com"]
    assert all(unassigned.reference in m.body for m in mail.outbox)


def test_the_dashboard_flags_cases_at_risk(client_for):
    client = client_for("fostering team")
    at_risk = FosteringCaseFactory(enquired_at=timezone.now() - datetime.timedelta(days=20))
    fresh = FosteringCaseFactory()
    text = client.get(reverse("fostering:dashboard")).content.decode()
    assert at_risk.reference in text and fresh.reference in text
    assert "Overdue" in text
    assert text.index(at_risk.reference) < text.index(fresh.reference)


def test_counting_working_days_agrees_with_walking_day_by_day():
    holidays = [D(2026, 12, 25), D(2026, 12, 28), D(2027, 1, 1), D(2027, 1, 2)]
    days = WorkingDays(holidays=holidays)
    start = D(2026, 12, 1)
    for offset in range(0, 60):
        end = start + datetime.timedelta(days=offset)
        walked = sum(
            1
            for n in range(1, offset + 1)
            if days.is_working_day(start + datetime.timedelta(days=n))
        )
        assert days.between(start, end) == walked
        assert days.between(end, start) == -walked


def test_the_dashboard_narrows_to_flagged_cases_and_to_my_cases(client_for):
    client = client_for("fostering team")
    mine = FosteringCaseFactory(assessing_worker=client.user)
    late = FosteringCaseFactory(enquired_at=timezone.now() - datetime.timedelta(days=20))
    flagged = client.get(reverse("fostering:dashboard"), {"show": "flagged"}).content.decode()
    assert late.reference in flagged and mine.reference not in flagged
    own = client.get(reverse("fostering:dashboard"), {"show": "mine"}).content.decode()
    assert mine.reference in own and late.reference not in own


def test_the_admin_menu_leads_the_team_to_the_pipeline(client_for):
    text = client_for("fostering team").get("/admin/").content.decode()
    assert "Fostering pipeline" in text and reverse("fostering:dashboard") in text
    assert "Fostering pipeline" not in client_for("recruiter").get("/admin/").content.decode()
