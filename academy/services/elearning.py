"""E-learning: finishing each module, the course once every module is done, and taking
it again when a course that must be renewed comes up for renewal."""

import datetime

from django.utils import timezone

from core.booking import BookingError

from ..models import AcademySettings, Completion, ModuleProgress
from .attendance import draft_cpd_entry
from .booking import staff_profile
from .compliance import add_months


def course_standing(user, course, today=None) -> dict:
    """Where the person stands on a course: their latest completion, when it expires, and
    whether they may (re)take it now: always before a first completion, and from
    `renewal_window_days` before expiry for a course that must be renewed."""
    today = today or timezone.localdate()
    last = None
    if user.is_authenticated:
        last = Completion.objects.filter(user=user, course=course).order_by("-completed_on").first()
    expires = None
    if last is not None and course.renewal_months:
        expires = add_months(last.completed_on, course.renewal_months)
    window = datetime.timedelta(days=AcademySettings.load().renewal_window_days)
    can_take = last is None or (expires is not None and expires - window <= today)
    return {
        "last_completion": last,
        "expires_on": expires,
        "expired": expires is not None and expires < today,
        "retaking": last is not None and can_take,
        "can_take": can_take,
    }


def module_progress(course, module, user) -> dict:
    modules = course.modules
    standing = course_standing(user, course)
    done = set()
    if not standing["can_take"]:
        done = {m.pk for m in modules}
    elif user.is_authenticated:
        # Only modules finished in the attempt under way count.
        done = set(
            ModuleProgress.objects.filter(
                user=user, module__in=modules, completion__isnull=True
            ).values_list("module_id", flat=True)
        )
    position = next((n for n, m in enumerate(modules) if m.pk == module.pk), 0)
    return {
        "modules": modules,
        "done_ids": done,
        "module_done": module.pk in done,
        "module_number": position + 1,
        "next_module": modules[position + 1] if position + 1 < len(modules) else None,
        "can_record": staff_profile(user) is not None,
        "standing": standing,
    }


class CourseNotOpen(BookingError):
    """The person's completion is in date and not yet open for renewal."""


def refuse_unless_open(user, course, today) -> dict:
    standing = course_standing(user, course, today)
    if standing["can_take"]:
        return standing
    done = standing["last_completion"].completed_on
    if standing["expires_on"]:
        opens = standing["expires_on"] - datetime.timedelta(
            days=AcademySettings.load().renewal_window_days
        )
        raise CourseNotOpen(
            f"You completed {course.title} on {done:%-d %B %Y}. It is in date until "
            f"{standing['expires_on']:%-d %B %Y}; you can renew it from {opens:%-d %B %Y}."
        )
    raise CourseNotOpen(f"You completed {course.title} on {done:%-d %B %Y}.")


def record_module_passed(user, module, *, now=None):
    """Count a module as finished in the person's current attempt at the course, once its
    knowledge check is passed (the only way a module is finished). When it is the last
    module the course is complete: a new completion (which restores compliance for
    mandatory training and issues a certificate) and a draft CPD entry holding the
    reflections the person wrote on each module. Returns the completion, or None while
    modules remain. Call inside the transaction that records the passing attempt."""
    from .checks import module_reflections

    now = now or timezone.now()
    today = timezone.localtime(now).date()
    course = module.get_parent().specific
    refuse_unless_open(user, course, today)
    ModuleProgress.objects.get_or_create(
        user=user, module=module, completion=None, defaults={"completed_at": now}
    )
    module_ids = [m.pk for m in course.modules]
    attempt = ModuleProgress.objects.filter(
        user=user, module_id__in=module_ids, completion__isnull=True
    )
    if attempt.values("module_id").distinct().count() < len(module_ids):
        return None
    completion = Completion.objects.create(
        user=user, course=course, completed_on=today, source=Completion.Source.E_LEARNING
    )
    attempt.update(completion=completion)
    entry = draft_cpd_entry(completion)
    reflections = module_reflections(user, course.modules, since=_attempt_began(user, course))
    if reflections:
        entry.learning = "\n\n".join(f"{title}: {text}" for title, text in reflections)
        entry.save(update_fields=["learning", "updated_at"])
    return completion


def _attempt_began(user, course):
    """When the person's current run through the course began: after their last
    completion of it, if any."""
    previous = (
        Completion.objects.filter(user=user, course=course)
        .order_by("-created_at")
        .values_list("created_at", flat=True)[1:2]
    )
    return previous[0] if previous else None
