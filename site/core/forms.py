"""Form fields shared by every app's public and staff forms."""

import datetime

from django import forms
from django.core.exceptions import ValidationError

_PARTS = ("day", "month", "year")


class GovukDateInput(forms.MultiWidget):
    """The GOV.UK Design System date input: day, month and year as three labelled boxes.

    Browsers' own date pickers are hard to use with a keyboard or a screen reader and
    for dates people know by heart (a date of birth, a start date), so GOV.UK asks for
    the three numbers instead.
    """

    template_name = "components/date_input.html"

    def __init__(self, attrs=None):
        widths = {"day": 2, "month": 2, "year": 4}
        widgets = {
            part: forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "class": f"govuk-input govuk-date-input__input govuk-input--width-{width}",
                }
            )
            for part, width in widths.items()
        }
        super().__init__(widgets, attrs)

    def get_context(self, name, value, attrs):
        # The hint and error describe the fieldset around the boxes, not each box; an
        # error marks all three boxes.
        attrs = dict(attrs or {})
        has_error = "--error" in attrs.pop("class", "")
        attrs.pop("aria-describedby", None)
        context = super().get_context(name, value, attrs)
        for part, sub in zip(_PARTS, context["widget"]["subwidgets"], strict=True):
            sub["label"] = part.capitalize()
            if attrs.get("id"):
                sub["attrs"]["id"] = f"{attrs['id']}_{part}"
            if has_error:
                sub["attrs"]["class"] += " govuk-input--error"
        return context

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value.count("-") == 2:
            year, month, day = value.split("-")
            return [day, month, year]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        if name in data and not any(f"{name}_{part}" in data for part in _PARTS):
            # A single ISO date (an older bookmark, or a client that posts one value).
            return self.decompress(data.get(name))
        return [(data.get(f"{name}_{part}") or "").strip() for part in _PARTS]

    def value_omitted_from_data(self, data, files, name):
        return name not in data and all(f"{name}_{part}" not in data for part in _PARTS)

    def id_for_label(self, id_):
        # The label's target (and the error summary's link) is the day box.
        return f"{id_}_day" if id_ else id_


class GovukDateField(forms.DateField):
    """A date entered in three boxes, with GOV.UK's error messages."""

    widget = GovukDateInput

    def to_python(self, value):
        if isinstance(value, datetime.date):
            return value
        if not isinstance(value, (list, tuple)):
            return super().to_python(value)
        day, month, year = (str(part).strip() if part is not None else "" for part in value)
        if not (day or month or year):
            return None
        label = self.label or "The date"
        given = dict(zip(_PARTS, (day, month, year), strict=True))
        missing = [part for part in _PARTS if not given[part]]
        if missing:
            raise ValidationError(
                f"{label} must include a {' and '.join(missing)}", code="incomplete"
            )
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise ValidationError(f"{label} must be a real date", code="invalid")
        if len(year) != 4:
            raise ValidationError("Year must include 4 numbers", code="invalid_year")
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{label} must be a real date", code="invalid") from None
