"""The programme as data and the portfolio's rules, as the people using it meet them."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from academy.factories import CoursePageFactory, ProgrammeFactory, academy_index
from academy.models import Completion, CpdEntry
from core.models import Notification
from portfolio import factories as f
from portfolio.errors import AgreementNeeded, EvidenceMissing, PortfolioError, RecordLocked
from portfolio.forms import FeedbackForm, SupervisionForm
from portfolio.models import ActionPlan, AssessmentPoint, FrameworkItem, Portfolio, Review
from portfolio.services import outcome, records
from portfolio.services.progress import (
    CANNOT_START,
    COMPLETED,
    IN_PROGRESS,
    NOT_STARTED,
    standing,
)
from portfolio.services.reminders import send_reminders

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def supervision_form(portfolio, **data):
    held = data.pop("held_on", TODAY)
    post = {
        "held_on_day": str(held.day),
        "held_on_month": str(held.month),
        "held_on_year": str(held.year),
        "supervisor": "Practice educator",
        "notes": "A first child protection conference.",
        **data,
    }
    form = SupervisionForm(portfolio, post)
    assert form.is_valid(), form.errors
    return form


def test_the_seeded_asye_has_the_nine_pcf_domains_and_ten_kss_statements():
    template = f.asye()
    items = FrameworkItem.objects.filter(framework=template.framework)
    assert items.filter(group="PCF domain").count() == 9
    assert items.filter(group="Knowledge and skills statement").count() == 10
    assert [p.title for p in template.points.order_by("due_week")] == [
        "Three-month review",
        "Six-month review",
        "Nine-month review",
        "Final review and recommendation",
    ]
    assert template.supervision_interval_weeks(2) == 1
    assert template.supervision_interval_weeks(10) == 2
    assert template.supervision_interval_weeks(30) == 4


def test_a_cohort_moves_from_the_asye_to_the_early_career_programme_with_data_alone():
    portfolio = f.agree(f.make_portfolio(weeks_in=2))
    framework = f.early_career_programme().framework
    FrameworkItem.objects.create(
        framework=framework, group="Standard", code="ECS 1", title="Building relationships"
    )
    asye_titles = [t.title for t in standing(portfolio).tasks]
    assert "Three-month review" in asye_titles
    assert "Eighteen-month review" not in asye_titles

    cohort = portfolio.cohort
    cohort.template = f.early_career_programme()
    cohort.save()
    portfolio = Portfolio.objects.get(pk=portfolio.pk)

    state = standing(portfolio)
    titles = [t.title for t in state.tasks]
    assert "Eighteen-month review" in titles
    final = next(t for t in state.tasks if t.key == "recommendation")
    assert final.due == portfolio.starts_on + datetime.timedelta(weeks=104)
    observations = next(t for t in state.tasks if t.key == "observation")
    assert observations.hint == "0 of 6 needed"
    form = SupervisionForm(portfolio)
    assert [str(i) for i in form.fields["items"].queryset] == ["ECS 1 Building relationships"]


def test_nothing_is_assessed_before_all_three_confirm_the_agreement():
    portfolio = f.make_portfolio(weeks_in=3)
    state = standing(portfolio)
    assert {t.key: t.status for t in state.tasks}["supervision"] == CANNOT_START
    with pytest.raises(AgreementNeeded):
        records.add_record(portfolio, supervision_form(portfolio), portfolio.nqsw)

    form = __import__("portfolio.forms", fromlist=["AgreementForm"]).AgreementForm(
        {"supervision_plan": "Weekly", "protected_time": "10%", "caseload": "Twelve children"}
    )
    assert form.is_valid()
    records.save_agreement(portfolio, form, portfolio.assessor)
    records.confirm_agreement(portfolio, portfolio.nqsw)
    records.confirm_agreement(portfolio, portfolio.assessor)
    with pytest.raises(PortfolioError, match="already confirmed"):
        records.confirm_agreement(portfolio, portfolio.nqsw)
    assert {t.key: t.status for t in standing(portfolio).tasks}["agreement"] == IN_PROGRESS
    records.confirm_agreement(portfolio, portfolio.line_manager)
    assert {t.key: t.status for t in standing(portfolio).tasks}["agreement"] == COMPLETED

    record = records.add_record(portfolio, supervision_form(portfolio), portfolio.nqsw)
    assert record.is_locked
    assert {t.key: t.status for t in standing(portfolio).tasks}["supervision"] == IN_PROGRESS
    with pytest.raises(RecordLocked):
        records.save_agreement(portfolio, form, portfolio.assessor)


def test_a_signed_record_keeps_its_text_and_takes_dated_addenda():
    portfolio = f.agree(f.make_portfolio())
    record = records.add_record(portfolio, supervision_form(portfolio), portfolio.nqsw)
    records.add_addendum(
        record, "The conference was on the Tuesday, not the Monday.", portfolio.nqsw
    )
    record.refresh_from_db()
    assert record.notes == "A first child protection conference."
    assert [a.text for a in record.addenda.all()] == [
        "The conference was on the Tuesday, not the Monday."
    ]


def test_feedback_needs_consent():
    portfolio = f.agree(f.make_portfolio())
    form = FeedbackForm(
        portfolio,
        {
            "source": "person_supported",
            "given_on_day": str(TODAY.day),
            "given_on_month": str(TODAY.month),
            "given_on_year": str(TODAY.year),
            "given_by": "A young person",
            "text": "She came when she said she would.",
            "from_paper": "on",
        },
    )
    assert not form.is_valid()
    assert "agreed to their feedback" in str(form.errors["consent"])


def test_a_review_cannot_be_signed_before_its_point():
    portfolio = f.agree(f.make_portfolio(weeks_in=8))
    point = portfolio.template.points.get(title="Three-month review")
    data = {"progress": Review.Progress.ON_TRACK, "summary": "Settling in well."}
    with pytest.raises(PortfolioError, match="cannot be signed before"):
        records.save_review(portfolio, point, data, portfolio.assessor, sign=True)
    assert not Review.objects.filter(portfolio=portfolio, signed_at__isnull=False).exists()
    draft = records.save_review(portfolio, point, data, portfolio.assessor, sign=False)
    assert not draft.is_locked

    later = portfolio.starts_on + datetime.timedelta(weeks=13)
    review = records.save_review(portfolio, point, data, portfolio.assessor, sign=True, today=later)
    assert review.is_locked
    with pytest.raises(RecordLocked):
        records.save_review(portfolio, point, data, portfolio.assessor, sign=True, today=later)


def test_a_cause_for_concern_opens_an_action_plan_the_next_review_must_check():
    portfolio = f.agree(f.make_portfolio(weeks_in=27))
    three, six = portfolio.template.points.filter(kind="review").order_by("due_week")[:2]
    concern = {"progress": Review.Progress.CONCERN, "summary": "Recording is late."}
    with pytest.raises(PortfolioError, match="needs an action plan"):
        records.save_review(portfolio, three, concern, portfolio.assessor, sign=True)
    records.save_review(
        portfolio,
        three,
        {
            **concern,
            "actions": "Case notes within 48 hours; weekly check-in.",
            "review_by": TODAY + datetime.timedelta(days=28),
        },
        portfolio.assessor,
        sign=True,
    )
    plan = ActionPlan.objects.get(portfolio=portfolio)
    assert plan.is_open
    on_track = {"progress": Review.Progress.ON_TRACK, "summary": "Much improved."}
    with pytest.raises(PortfolioError, match="action plan"):
        records.save_review(portfolio, six, on_track, portfolio.assessor, sign=True)
    six_review = records.save_review(
        portfolio,
        six,
        {**on_track, "action_plan_check": "All notes on time since."},
        portfolio.assessor,
        sign=True,
    )
    plan.refresh_from_db()
    assert plan.checked_by_review == six_review


def test_the_recommendation_is_refused_with_a_list_of_what_is_missing():
    portfolio = f.ready_for_recommendation(f.make_portfolio(weeks_in=48), observations=2)
    with pytest.raises(EvidenceMissing) as refused:
        outcome.recommend(portfolio, outcome="pass", summary="Ready.", by=portfolio.assessor)
    assert refused.value.missing == ["Direct observations: 3 needed, 2 recorded."]
    assert portfolio.status == Portfolio.Status.IN_PROGRESS

    f.add_observation(portfolio, TODAY)
    outcome.recommend(portfolio, outcome="pass", summary="Ready.", by=portfolio.assessor)
    portfolio.refresh_from_db()
    assert portfolio.status == Portfolio.Status.AWAITING_PANEL
    with pytest.raises(PortfolioError, match="already"):
        outcome.recommend(portfolio, outcome="pass", summary="Again.", by=portfolio.assessor)


def test_the_recommendation_waits_for_the_final_point():
    portfolio = f.ready_for_recommendation(f.make_portfolio(weeks_in=30))
    with pytest.raises(PortfolioError, match="cannot be made before"):
        outcome.recommend(portfolio, outcome="pass", summary="Early.", by=portfolio.assessor)


def test_a_confirmed_pass_completes_the_programme():
    academy_index()
    course = CoursePageFactory(title="ASYE completion")
    template = f.asye()
    template.programme = ProgrammeFactory(name="ASYE programme")
    template.completion_course = course
    template.save()
    portfolio = f.ready_for_recommendation(f.make_portfolio(weeks_in=49))
    assert portfolio.enrolment is not None
    outcome.recommend(portfolio, outcome="pass", summary="Ready.", by=portfolio.assessor)
    panel = f.assessor_user()
    outcome.panel_decide(portfolio, confirmed=True, reasons="Strong evidence.", by=panel)

    portfolio.refresh_from_db()
    assert portfolio.status == Portfolio.Status.PASSED
    assert portfolio.enrolment.completed_on == TODAY
    assert portfolio.nqsw.staff_profile.is_nqsw_first_year is False
    assert Completion.objects.filter(user=portfolio.nqsw, course=course).exists()
    entry = CpdEntry.objects.get(user=portfolio.nqsw)
    assert entry.status == CpdEntry.Status.DRAFT
    with pytest.raises(PortfolioError):
        outcome.panel_decide(portfolio, confirmed=True, reasons="Twice.", by=panel)
    with pytest.raises(PortfolioError, match="closed"):
        records.add_record(portfolio, supervision_form(portfolio), portfolio.nqsw)


def test_the_panel_can_change_the_recommendation():
    portfolio = f.ready_for_recommendation(f.make_portfolio(weeks_in=49))
    outcome.recommend(portfolio, outcome="pass", summary="Ready.", by=portfolio.assessor)
    outcome.panel_decide(
        portfolio,
        confirmed=False,
        outcome="extend",
        reasons="Analysis is thin.",
        by=f.assessor_user(),
    )
    portfolio.refresh_from_db()
    assert portfolio.status == Portfolio.Status.EXTENDED


def test_reminders_go_once_to_the_nqsw_and_the_assessor(django_capture_on_commit_callbacks):
    portfolio = f.agree(f.make_portfolio(weeks_in=12))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send_reminders()
    subjects = [m.subject for m in mail.outbox]
    assert any("Coming up: three-month review" in s for s in subjects)
    assert any("Overdue: supervision records" in s for s in subjects)
    recipients = {m.to[0] for m in mail.outbox}
    assert recipients == {portfolio.nqsw.email, portfolio.assessor.email}
    count = Notification.objects.count()
    send_reminders()
    assert Notification.objects.count() == count


def test_the_task_list_says_what_is_due_next():
    portfolio = f.agree(f.make_portfolio(weeks_in=4))
    f.add_supervision(portfolio, TODAY)
    state = standing(portfolio)
    statuses = {t.key: t.status for t in state.tasks}
    assert statuses["observation"] == NOT_STARTED
    assert (
        statuses[
            f"review-{AssessmentPoint.objects.get(template=portfolio.template, due_week=13).pk}"
        ]
        == CANNOT_START
    )
    assert state.next_due.what == "Supervision"
    assert state.next_due.on == TODAY + datetime.timedelta(weeks=1)


def test_the_assessor_cannot_moderate_their_own_recommendation():
    portfolio = f.ready_for_recommendation(f.make_portfolio(weeks_in=49))
    outcome.recommend(portfolio, outcome="pass", summary="Ready.", by=portfolio.assessor)
    with pytest.raises(PortfolioError, match="cannot moderate"):
        outcome.panel_decide(portfolio, confirmed=True, reasons="Mine.", by=portfolio.assessor)
    portfolio.refresh_from_db()
    assert portfolio.status == Portfolio.Status.AWAITING_PANEL


def test_the_reminders_run_daily_on_celery_beat(settings):
    from portal.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["portfolio-reminders"]
    assert entry["task"] == "portfolio.tasks.send_reminders"
    app.loader.import_default_modules()
    assert entry["task"] in app.tasks
