"""E-learning: finishing each module, and the course once every module is done."""

from django.db import transaction
from django.utils import timezone

from core.booking import BookingError

from ..models import Completion, ModuleProgress
from .attendance import draft_cpd_entry
from .booking import staff_profile


def module_progress(course, module, user) -> dict:
    modules = course.modules
    done = set()
    if user.is_authenticated:
        done = set(
            ModuleProgress.objects.filter(user=user, module__in=modules).values_list(
                "module_id", flat=True
            )
        )
    position = next((n for n, m in enumerate(modules) if m.pk == module.pk), 0)
    return {
        "modules": modules,
        "done_ids": done,
        "module_done": module.pk in done,
        "module_number": position + 1,
        "next_module": modules[position + 1] if position + 1 < len(modules) else None,
        "can_record": staff_profile(user) is not None,
    }


def complete_module(user, module, *, now=None):
    """Mark a module finished; when it is the last one, the course is complete (once)."""
    now = now or timezone.now()
    if staff_profile(user) is None:
        raise BookingError("Sign in with your staff account to record your progress.")
    course = module.get_parent().specific
    with transaction.atomic():
        ModuleProgress.objects.get_or_create(
            user=user, module=module, defaults={"completed_at": now}
        )
        module_ids = [m.pk for m in course.modules]
        finished = ModuleProgress.objects.filter(user=user, module_id__in=module_ids).count()
        if finished < len(module_ids):
            return None
        today = timezone.localtime(now).date()
        if Completion.objects.filter(
            user=user, course=course, source=Completion.Source.E_LEARNING, completed_on=today
        ).exists():
            return None
        completion = Completion.objects.create(
            user=user, course=course, completed_on=today, source=Completion.Source.E_LEARNING
        )
        draft_cpd_entry(completion)
        return completion
