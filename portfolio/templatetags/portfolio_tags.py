from django import template

register = template.Library()


@register.filter
def redact(value, cleaner):
    """Apply the panel's name remover (passed in the context) to free text."""
    return cleaner(value) if cleaner else value


@register.filter
def status_class(status):
    return {
        "Not yet started": "govuk-tag--blue",
        "In progress": "govuk-tag--light-blue",
    }.get(status, "")


_SKIP = {"id", "portfolio", "recorded_by", "signed_at", "created_at", "document", "items"}


@register.filter
def record_fields(record):
    """(label, value) for each filled-in field of a record, in the model's order."""
    rows = []
    for field in record._meta.concrete_fields:
        if field.name in _SKIP or field.name.endswith("_ptr"):
            continue
        value = getattr(record, field.name)
        if value in (None, ""):
            continue
        if field.choices:
            value = getattr(record, f"get_{field.name}_display")()
        elif isinstance(value, bool):
            value = "Yes" if value else "No"
        elif hasattr(value, "strftime"):
            value = f"{value.day} {value:%B %Y}"
        label = str(field.verbose_name)
        rows.append((label[0].upper() + label[1:], value))
    return rows


@register.simple_tag
def early_career_programmes():
    """Active academy programmes that have a portfolio (the ASYE now, the ECDP later)."""
    from academy.models import Programme

    return Programme.objects.filter(is_active=True, portfolio_templates__isnull=False).distinct()


@register.simple_tag
def course_programmes(course):
    """The early-career programmes this course is a step of."""
    from academy.models import Programme

    return Programme.objects.filter(
        is_active=True, steps__course=course, portfolio_templates__isnull=False
    ).distinct()


@register.simple_tag
def has_portfolio(user) -> bool:
    from portfolio.models import Portfolio

    return bool(user.is_authenticated and Portfolio.objects.filter(nqsw=user).exists())
