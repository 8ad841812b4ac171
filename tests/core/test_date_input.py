"""The GOV.UK date pattern: three boxes, one fieldset, GOV.UK's own error messages."""

import datetime

from django import forms

from core.forms import GovukDateField


class StartForm(forms.Form):
    start_date = GovukDateField(label="Start date", help_text="For example, 4 1 2027")


class OptionalForm(forms.Form):
    checked_on = GovukDateField(label="Date checked", required=False)


def post(form_class=StartForm, **parts):
    return form_class({f"start_date_{k}": v for k, v in parts.items()})


def test_three_boxes_make_a_date():
    form = post(day="4", month="1", year="2027")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["start_date"] == datetime.date(2027, 1, 4)


def test_missing_parts_are_named():
    form = post(day="4", month="", year="2027")
    assert form.errors["start_date"] == ["Start date must include a month"]
    form = post(day="", month="", year="2027")
    assert form.errors["start_date"] == ["Start date must include a day and month"]


def test_an_impossible_date_or_short_year_is_refused():
    assert post(day="31", month="2", year="2027").errors["start_date"] == [
        "Start date must be a real date"
    ]
    assert post(day="4", month="1", year="27").errors["start_date"] == [
        "Year must include 4 numbers"
    ]
    assert post(day="four", month="1", year="2027").errors["start_date"] == [
        "Start date must be a real date"
    ]


def test_blank_is_required_or_none():
    assert post(day="", month="", year="").errors["start_date"] == ["This field is required."]
    form = OptionalForm({"checked_on_day": "", "checked_on_month": "", "checked_on_year": ""})
    assert form.is_valid() and form.cleaned_data["checked_on"] is None


def test_a_single_iso_value_is_still_understood():
    form = StartForm({"start_date": "2027-01-04"})
    assert form.is_valid() and form.cleaned_data["start_date"] == datetime.date(2027, 1, 4)


def test_renders_a_labelled_fieldset_and_keeps_what_was_typed_after_an_error():
    form = post(day="31", month="2", year="2027")
    html = form.as_div()
    assert '<fieldset class="govuk-fieldset" role="group"' in html
    assert "<legend" in html and "Start date" in html
    for part, value in [("day", "31"), ("month", "2"), ("year", "2027")]:
        label = f'<label class="govuk-label govuk-date-input__label" for="id_start_date_{part}">'
        assert label in html
        assert f'name="start_date_{part}" value="{value}"' in html
    assert "govuk-input--error" in html
    # The error summary links to the day box, which exists.
    assert 'href="#id_start_date_day"' in html
    assert 'id="id_start_date_day"' in html


def test_an_initial_date_fills_the_boxes():
    html = StartForm(initial={"start_date": datetime.date(2027, 1, 4)}).as_div()
    assert 'name="start_date_day" value="4"' in html
    assert 'name="start_date_year" value="2027"' in html
