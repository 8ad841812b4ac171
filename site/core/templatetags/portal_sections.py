from django import template

from core.sections import render_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def sections(context, slot, obj=None):
    """Render what every app contributes to `slot` (see core/sections.py)."""
    return render_sections(slot, context.get("request"), obj)
