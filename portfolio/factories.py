"""Building portfolios for tests and the demo (one source, so they cannot drift apart)."""

import datetime

from django.utils import timezone

from academy.factories import staff_user
from accounts.roles import Role

from .models import (
    Agreement,
    AssessmentPoint,
    Cohort,
    Feedback,
    Observation,
    ProgrammeTemplate,
    Review,
    SelfAssessment,
    SupervisionRecord,
)
from .reference_data import ASYE, ECP, ensure_templates
from .services.outcome import open_portfolio


def template(name=ASYE) -> ProgrammeTemplate:
    ensure_templates()
    return ProgrammeTemplate.objects.get(name=name)


def asye():
    return template(ASYE)


def early_career_programme():
    return template(ECP)


def cohort(starts_on=None, template_=None, name=None) -> Cohort:
    starts_on = starts_on or timezone.localdate()
    template_ = template_ or asye()
    name = name or f"{template_.name} cohort starting {starts_on:%-d %B %Y}"
    return Cohort.objects.get_or_create(
        name=name, defaults={"template": template_, "starts_on": starts_on}
    )[0]


def nqsw_user(email=None, *, manager=None, first_name=None, last_name=None, **profile):
    kwargs = {"email": email, "first_name": first_name, "last_name": last_name}
    return staff_user(
        profile={"is_nqsw_first_year": True, "line_manager": manager, **profile},
        **{key: value for key, value in kwargs.items() if value},
    )


def assessor_user(email=None, **kwargs):
    if email:
        kwargs["email"] = email
    return staff_user(roles=(Role.STAFF_MEMBER, Role.ASYE_ASSESSOR), **kwargs)


def make_portfolio(
    *, weeks_in=16, nqsw=None, assessor=None, manager=None, cohort_=None, today=None
):
    """A portfolio that started `weeks_in` weeks before today."""
    today = today or timezone.localdate()
    starts_on = today - datetime.timedelta(weeks=weeks_in)
    if manager is None and nqsw is None:
        manager = staff_user(roles=(Role.STAFF_MEMBER, Role.LINE_MANAGER))
    nqsw = nqsw or nqsw_user(manager=manager)
    cohort_ = cohort_ or cohort(starts_on=starts_on)
    return open_portfolio(nqsw, cohort_, assessor=assessor or assessor_user(), starts_on=starts_on)


def agree(portfolio):
    at = timezone.make_aware(
        datetime.datetime.combine(
            portfolio.starts_on + datetime.timedelta(days=10), datetime.time(10)
        )
    )
    Agreement.objects.update_or_create(
        portfolio=portfolio,
        defaults={
            "supervision_plan": "Weekly for six weeks, then fortnightly, then monthly, with "
            "the practice educator.",
            "protected_time": "Half a day a week (10%), on Wednesday mornings.",
            "caseload": "No more than 12 children, no care proceedings in the first three months.",
            "nqsw_confirmed_at": at,
            "assessor_confirmed_at": at,
            "manager_confirmed_at": at,
        },
    )
    return portfolio


def _signed(portfolio, by):
    return {"portfolio": portfolio, "recorded_by": by, "signed_at": timezone.now()}


def add_supervision(portfolio, held_on, notes="Caseload, a child protection plan, reflection."):
    return SupervisionRecord.objects.create(
        held_on=held_on,
        supervisor="Practice educator",
        notes=notes,
        **_signed(portfolio, portfolio.nqsw),
    )


def add_observation(portfolio, observed_on, setting="Home visit with a family"):
    return Observation.objects.create(
        observed_on=observed_on,
        setting=setting,
        observed="Explained the child protection plan to both parents and listened to their "
        "worries.",
        analysis="Clear, kind and honest; held the worry about the baby's safety with the "
        "parents (PCF 2, PCF 7).",
        **_signed(portfolio, portfolio.assessor),
    )


def add_feedback(portfolio, given_on, given_by="A parent"):
    return Feedback.objects.create(
        source=Feedback.Source.PERSON_SUPPORTED,
        given_on=given_on,
        given_by=given_by,
        text="She listened and explained what would happen next.",
        consent=True,
        **_signed(portfolio, portfolio.nqsw),
    )


def add_self_assessment(portfolio, stage):
    return SelfAssessment.objects.create(
        stage=stage,
        strengths="Building relationships with children and parents.",
        development="Writing analysis in assessments.",
        **_signed(portfolio, portfolio.nqsw),
    )


def sign_review(portfolio, point, *, progress=Review.Progress.ON_TRACK):
    due = point.due_on(portfolio.starts_on)
    return Review.objects.create(
        point=point,
        progress=progress,
        summary="Good progress; building confidence in court work.",
        manager_comment="Agree: a steady start.",
        signed_by=portfolio.assessor,
        **{
            **_signed(portfolio, portfolio.assessor),
            "signed_at": timezone.make_aware(datetime.datetime.combine(due, datetime.time(12))),
        },
    )


def reviews_before_final(portfolio):
    return portfolio.template.points.filter(
        kind=AssessmentPoint.Kind.REVIEW, is_optional=False
    ).order_by("due_week")


def ready_for_recommendation(portfolio, *, observations=3):
    """Everything the template requires, with `observations` direct observations."""
    agree(portfolio)
    start = portfolio.starts_on
    for n in range(observations):
        add_observation(portfolio, start + datetime.timedelta(weeks=10 + 12 * n))
    for n in range(3):
        add_feedback(portfolio, start + datetime.timedelta(weeks=12 + 10 * n))
    for stage in ("start", "middle", "end"):
        add_self_assessment(portfolio, stage)
    for point in reviews_before_final(portfolio):
        sign_review(portfolio, point)
    return portfolio
