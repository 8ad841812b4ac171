"""Slots where one app shows its content on another app's page, without importing it.

The public site's role family page shows that family's live vacancies and its training
offer; the home page shows the latest vacancies. Each app registers what it contributes
in its own `sections.py`:

    @section("role_family")
    def family_vacancies(request, page):
        return "vacancies/includes/family_vacancies.html", {"vacancies": ...}

and the page's template renders the slot with `{% sections "role_family" page %}`.
A contributor returns None to show nothing.
"""

from collections import defaultdict
from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils.module_loading import autodiscover_modules
from django.utils.safestring import mark_safe

_registry: dict[str, list[Callable]] = defaultdict(list)
_discovered = False


def section(slot: str):
    def register(func):
        _registry[slot].append(func)
        return func

    return register


def render_sections(slot: str, request, obj) -> str:
    global _discovered
    if not _discovered:
        autodiscover_modules("sections")
        _discovered = True
    parts = []
    for contributor in _registry[slot]:
        result = contributor(request, obj)
        if result:
            template_name, context = result
            parts.append(render_to_string(template_name, context, request=request))
    return mark_safe("".join(parts))  # noqa: S308 - rendered by Django templates (autoescaped)
