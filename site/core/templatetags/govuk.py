"""GOV.UK Design System form markup for Django form fields."""

from django import template

register = template.Library()

_WIDGET_CLASSES = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "selectmultiple": "govuk-select",
    "clearablefile": "govuk-file-upload",
    "file": "govuk-file-upload",
    "checkbox": "govuk-checkboxes__input",
}


def _describedby(field) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.simple_tag
def govuk_widget(field, extra_class=""):
    widget_class = _WIDGET_CLASSES.get(field.widget_type, "govuk-input")
    classes = [widget_class]
    if field.errors:
        classes.append(f"{widget_class}--error")
    if extra_class:
        classes.append(extra_class)
    existing = field.field.widget.attrs.get("class")
    if existing:
        classes.append(existing)
    attrs = {"class": " ".join(classes)}
    describedby = _describedby(field)
    if describedby:
        attrs["aria-describedby"] = describedby
    return field.as_widget(attrs=attrs)


@register.filter
def govuk_describedby(field):
    return _describedby(field)


@register.filter
def is_choice_group(field) -> bool:
    return field.widget_type in {"radioselect", "checkboxselectmultiple"}


@register.filter
def is_checkbox(field) -> bool:
    return field.widget_type == "checkbox"


@register.filter
def is_date_input(field) -> bool:
    return field.widget_type == "govukdate"


@register.filter
def govuk_anchor(field) -> str:
    """The id the error summary links to: the first box or option of a group."""
    if is_choice_group(field):
        return f"{field.auto_id}_0"
    if is_date_input(field):
        return f"{field.auto_id}_day"
    return field.auto_id
