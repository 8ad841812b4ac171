"""Every text box has a limit: the model column's for a model form, a decided one
(core/limits.py) for free text, so a pasted novel or an over-long address is refused with
a message instead of being stored or failing the database."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.urls import reverse

from core import limits

PORTAL_APPS = ["accounts", "core", "cms", "home", "vacancies", "academy", "fostering"]
# Fields a form class declares that never reach a person.
NOT_SHOWN = {
    # allauth's sign-up form declares a username; the portal signs in by e-mail address,
    # so allauth removes the field when the form is built.
    "accounts.forms.PortalSignupForm.username",
}


def _portal_forms():
    found = {}
    for app in PORTAL_APPS:
        package = importlib.import_module(app)
        for module_info in pkgutil.walk_packages(package.__path__, f"{app}."):
            name = module_info.name
            if not any(part in name for part in (".forms", ".views", "queries", "admin_reports")):
                continue
            module = importlib.import_module(name)
            for obj in vars(module).values():
                if (
                    inspect.isclass(obj)
                    and issubclass(obj, forms.BaseForm)
                    and obj.__module__.split(".")[0] in PORTAL_APPS
                ):
                    found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return found


FORMS = _portal_forms()


def _text_fields():
    for form_name, form_class in sorted(FORMS.items()):
        for field_name, field in form_class.base_fields.items():
            if isinstance(field, forms.CharField):
                yield f"{form_name}.{field_name}", form_class, field_name, field


def test_the_walk_finds_the_portal_forms():
    assert {
        "fostering.forms.EventBookingForm",
        "fostering.forms.EnquiryForm",
        "vacancies.forms.steps.PersonalDetailsForm",
        "academy.forms.CpdEntryForm",
        "accounts.forms.DeleteAccountForm",
    } <= set(FORMS)


def test_every_text_field_of_every_portal_form_has_a_maximum_length():
    unbounded = [
        label
        for label, _form, _name, field in _text_fields()
        if field.max_length is None and label not in NOT_SHOWN
    ]
    assert unbounded == []


def test_no_form_field_allows_more_than_its_model_column():
    too_long = []
    for label, form_class, name, field in _text_fields():
        model = getattr(getattr(form_class, "_meta", None), "model", None)
        try:
            column = model._meta.get_field(name) if model else None
        except Exception:
            column = None
        limit = getattr(column, "max_length", None)
        if limit and (field.max_length is None or field.max_length > limit):
            too_long.append((label, field.max_length, limit))
        if isinstance(field, forms.EmailField) and (field.max_length or 0) > limits.EMAIL:
            too_long.append((label, field.max_length, limits.EMAIL))
    assert too_long == []


@pytest.mark.django_db
def test_a_312_character_email_is_refused_with_a_clear_message(client):
    from fostering.factories import InformationEventFactory
    from fostering.models import EventBooking

    event = InformationEventFactory()
    email = "a" * 300 + "@example.com"
    assert len(email) == 312

    response = client.post(
        reverse("fostering:event_detail", args=[event.pk]),
        {"name": "Jo Bloggs", "email": email, "phone": ""},
    )

    assert response.status_code == 200
    assert "Enter an email address of 254 characters or fewer" in response.content.decode()
    assert not EventBooking.objects.exists()


@pytest.mark.django_db
def test_a_100000_character_household_description_is_refused(client):
    from fostering.models import FosteringCase
    from tests.fostering.test_enquiry import enquire

    response = enquire(client, household="x" * 100_000)

    assert "govuk-error-summary" in response.content.decode()
    assert not FosteringCase.objects.exists()
