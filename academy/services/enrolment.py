"""Enrolment in programmes: every new starter into the corporate induction, and newly
qualified social workers into the newly qualified programme (whichever is active)."""

from django.utils import timezone

from ..models import Enrolment, Programme


def programmes_for(profile) -> list[Programme]:
    wanted = [Programme.Enrols.EVERY_NEW_STARTER]
    if profile.is_nqsw_first_year:
        wanted.append(Programme.Enrols.NEWLY_QUALIFIED)
    return list(Programme.objects.filter(is_active=True, auto_enrol__in=wanted))


def enrol_profile(profile, *, starts_on=None) -> list[Enrolment]:
    """Enrol the person in every programme their profile calls for. Idempotent."""
    starts_on = starts_on or profile.start_date or timezone.localdate()
    created = []
    for programme in programmes_for(profile):
        enrolment, is_new = Enrolment.objects.get_or_create(
            user=profile.user, programme=programme, defaults={"starts_on": starts_on}
        )
        if is_new:
            created.append(enrolment)
    return created


def programme_plan(enrolment) -> list[dict]:
    """The steps of an enrolment with their due dates and whether each course is done."""
    from ..models import Completion

    steps = list(enrolment.programme.steps.select_related("course").order_by("sort_order"))
    done = set(
        Completion.objects.filter(
            user=enrolment.user, course__in=[s.course for s in steps if s.course]
        ).values_list("course_id", flat=True)
    )
    today = timezone.localdate()
    plan = []
    for step in steps:
        due = step.due_on(enrolment.starts_on)
        plan.append(
            {
                "step": step,
                "due": due,
                "done": bool(step.course_id and step.course_id in done),
                "overdue": bool(step.course_id and step.course_id not in done and due < today),
            }
        )
    return plan
