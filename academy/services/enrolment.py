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


def course_steps_done(enrolment) -> tuple[int, int]:
    """(course steps done, course steps) for an enrolment."""
    plan = programme_plan(enrolment)
    courses = [item for item in plan if item["step"].course_id]
    return sum(item["done"] for item in courses), len(courses)


def record_programme_completions(user, on) -> list:
    """Write the completion date on each of the person's open enrolments whose every step
    is a course they have now completed. Programmes with reviews, supervision or other
    milestones are signed off by L&D in the admin, because only people can judge those."""
    finished = []
    for enrolment in user.academy_enrolments.filter(completed_on__isnull=True).select_related(
        "programme"
    ):
        steps = list(enrolment.programme.steps.all())
        if not steps or any(not step.course_id for step in steps):
            continue
        done, total = course_steps_done(enrolment)
        if done == total:
            enrolment.completed_on = on
            enrolment.save(update_fields=["completed_on"])
            finished.append(enrolment)
    return finished
