"""The sections of the online application to foster: their questions and their rules.

Each `Section` says who fills it in (the household once, or each applicant for themselves),
whether it is private to that applicant (former partners, health, convictions: the other
applicant never sees it; the team does), its form (for a list section, the form for one
entry) and what must be true before it counts as complete. Answers are stored as JSON in
`ApplicationSection.data`: a single form's answers, or {"items": [...], "none": bool}.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms

from core.forms import GovukDateField

from .clocks import add_months
from .models import FosteringType

YES_NO = [("yes", "Yes"), ("no", "No")]


def _date(value):
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value) if value else None


def _long(day) -> str:
    return f"{day:%-d %B %Y}" if day else ""


class SectionForm(forms.Form):
    """A section's form, given what the rules need to know (`context`)."""

    def __init__(self, *args, context=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.context = context or {}

    def as_data(self) -> dict:
        return {
            name: value.isoformat() if isinstance(value, datetime.date) else value
            for name, value in self.cleaned_data.items()
        }

    @classmethod
    def initial_from(cls, data: dict) -> dict:
        initial = dict(data)
        for name, form_field in cls.base_fields.items():
            if isinstance(form_field, forms.DateField) and initial.get(name):
                initial[name] = _date(initial[name])
        return initial


# --- Each applicant's own sections -----------------------------------------------------


class AboutYouForm(SectionForm):
    full_name = forms.CharField(label="Full name", max_length=150)
    previous_names = forms.CharField(
        label="Any previous names",
        max_length=300,
        required=False,
        help_text="For example, a name before marriage. The DBS check needs every name.",
    )
    date_of_birth = GovukDateField(label="Date of birth", help_text="For example, 27 3 1985")
    phone = forms.CharField(label="Phone number", max_length=30)

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if born >= datetime.date.today():
            raise forms.ValidationError("Date of birth must be in the past")
        return born


class AddressForm(SectionForm):
    address = forms.CharField(
        label="Address",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="If you had no fixed address for a while, say so here (for example, "
        "travelling abroad).",
    )
    postcode = forms.CharField(label="Postcode", max_length=10, required=False)
    moved_in = GovukDateField(label="Date you moved in", help_text="For example, 1 9 2019")
    moved_out = GovukDateField(
        label="Date you moved out",
        required=False,
        help_text="Leave this empty for the address where you live now.",
    )

    def clean(self):
        data = super().clean()
        moved_in, moved_out = data.get("moved_in"), data.get("moved_out")
        if moved_in and moved_out and moved_out < moved_in:
            self.add_error("moved_out", "Date you moved out must be after the date you moved in")
        if moved_in and moved_in > datetime.date.today():
            self.add_error("moved_in", "Date you moved in must be today or in the past")
        return data


class EmploymentForm(SectionForm):
    employer = forms.CharField(label="Employer's name", max_length=150)
    job_title = forms.CharField(label="Your job", max_length=150)
    started = GovukDateField(label="Date you started", help_text="For example, 1 4 2020")
    ended = GovukDateField(
        label="Date you left", required=False, help_text="Leave this empty if you work there now."
    )
    contact_email = forms.EmailField(
        max_length=254,
        label="E-mail address for a reference",
        required=False,
        help_text="Usually the human resources team. We ask before contacting a current employer.",
    )

    def clean(self):
        data = super().clean()
        if data.get("started") and data.get("ended") and data["ended"] < data["started"]:
            self.add_error("ended", "Date you left must be after the date you started")
        return data


class FormerPartnerForm(SectionForm):
    name = forms.CharField(label="Their name", max_length=150)
    contact = forms.CharField(
        label="How we can contact them, if you know",
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    when = forms.CharField(
        label="When you were together", max_length=100, help_text="For example, 2011 to 2016"
    )
    children_together = forms.ChoiceField(
        label="Did you have children together?", choices=YES_NO, widget=forms.RadioSelect
    )


class HealthForm(SectionForm):
    gp_practice = forms.CharField(
        label="Your GP practice",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Its name and address.",
    )
    conditions = forms.CharField(
        label="Any health conditions or disabilities you would like us to know about",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Many foster carers have health conditions. This helps us plan support; "
        "it does not on its own stop you fostering.",
    )
    medical_consent = forms.BooleanField(
        label="I agree to my GP sending the fostering service a report on my health, and "
        "to the service's medical adviser reading it",
        error_messages={"required": "Tick the box to agree to the medical report"},
    )


class ConvictionsForm(SectionForm):
    has_record = forms.ChoiceField(
        label="Have you ever been convicted or cautioned, or been investigated about the "
        "care of a child?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text="Include anything spent or from long ago. Answering yes does not "
        "automatically stop you fostering.",
    )
    details = forms.CharField(
        label="If yes, tell us what happened and when",
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        data = super().clean()
        if data.get("has_record") == "yes" and not data.get("details", "").strip():
            self.add_error("details", "Tell us what happened and when")
        return data


# --- The household's sections ------------------------------------------------------------


class HouseholdAdultForm(SectionForm):
    name = forms.CharField(label="Full name", max_length=150)
    relationship = forms.CharField(
        label="Who they are to you", max_length=100, help_text="For example, my son, a lodger"
    )
    date_of_birth = GovukDateField(label="Date of birth", help_text="For example, 14 2 2004")
    stays = forms.ChoiceField(
        label="Do they live with you?",
        choices=[("lives", "They live here"), ("visits", "They stay overnight regularly")],
        widget=forms.RadioSelect,
    )


class ChildForm(SectionForm):
    name = forms.CharField(label="Child's full name", max_length=150)
    date_of_birth = GovukDateField(label="Date of birth", help_text="For example, 3 6 2015")
    lives = forms.ChoiceField(
        label="Where do they live?",
        choices=[("here", "With us"), ("elsewhere", "Somewhere else")],
        widget=forms.RadioSelect,
    )


class RefereeForm(SectionForm):
    name = forms.CharField(label="Referee's full name", max_length=150)
    email = forms.EmailField(
        max_length=254,
        label="Referee's e-mail address",
        help_text="We send them a short online form.",
    )
    phone = forms.CharField(label="Referee's phone number", max_length=30)
    how_known = forms.CharField(
        label="How they know you", max_length=150, help_text="For example, a friend from work"
    )
    years_known = forms.IntegerField(label="Years they have known you", min_value=0, max_value=99)
    is_relative = forms.ChoiceField(
        label="Are they related to you?", choices=YES_NO, widget=forms.RadioSelect
    )
    lives_with_you = forms.ChoiceField(
        label="Do they live with you?", choices=YES_NO, widget=forms.RadioSelect
    )

    def clean(self):
        data = super().clean()
        if data.get("is_relative") == "yes":
            self.add_error(
                "is_relative",
                "A referee cannot be a relative: choose a friend, neighbour or colleague "
                "who knows you well",
            )
        if data.get("lives_with_you") == "yes":
            self.add_error(
                "lives_with_you",
                "A referee cannot live with you: choose someone from outside your household",
            )
        name = (data.get("name") or "").strip().lower()
        if name and name in self.context.get("household_names", set()):
            self.add_error(
                "name",
                "This person is in your household or applying with you: choose a referee "
                "from outside your household",
            )
        email = (data.get("email") or "").strip().lower()
        if email and email in self.context.get("applicant_emails", set()):
            self.add_error("email", "Give the referee's own e-mail address, not yours")
        return data


class HomeForm(SectionForm):
    bedrooms = forms.IntegerField(
        label="How many bedrooms your home has", min_value=1, max_value=20
    )
    sleeping = forms.CharField(
        label="Who sleeps where",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: us in the front bedroom, our son in the back bedroom, the "
        "small bedroom free for a child in foster care.",
    )
    pets = forms.CharField(
        label="Any pets",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    smoking = forms.ChoiceField(
        label="Does anyone in your home smoke or vape?",
        choices=[
            ("no", "No"),
            ("outside", "Yes, but only outside"),
            ("inside", "Yes, inside the home"),
        ],
        widget=forms.RadioSelect,
    )


AGE_GROUPS = [
    ("0-4", "Babies and children under 5"),
    ("5-10", "Children aged 5 to 10"),
    ("11-15", "Young people aged 11 to 15"),
    ("16-18", "Young people aged 16 to 18"),
]


class FosteringInterestForm(SectionForm):
    types = forms.MultipleChoiceField(
        label="Which kinds of fostering are you interested in?",
        choices=FosteringType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    ages = forms.MultipleChoiceField(
        label="Which ages?", choices=AGE_GROUPS, widget=forms.CheckboxSelectMultiple
    )
    how_many = forms.ChoiceField(
        label="How many children could you care for at once?",
        choices=[
            ("1", "One"),
            ("2", "Two (for example, brothers and sisters)"),
            ("3", "Three or more"),
        ],
        widget=forms.RadioSelect,
    )


# --- Section rules --------------------------------------------------------------------------


def _addresses_complete(data, context) -> list[str]:
    items = sorted(data.get("items", []), key=lambda item: item["moved_in"])
    if not items:
        return ["Add the address where you live now"]
    problems = []
    current = [item for item in items if not item.get("moved_out")]
    if not current:
        problems.append("Leave the moved-out date empty for the address where you live now")
    elif len(current) > 1:
        problems.append(
            "Only one address can be where you live now: add the other's moved-out date"
        )
    years = context["rules"].address_history_years
    today = context["today"]
    start = add_months(today, -12 * years)
    first = _date(items[0]["moved_in"])
    if first > start:
        problems.append(
            f"Your addresses must go back {years} years, to {_long(start)}: add where you "
            f"lived before {_long(first)}"
        )
    for earlier, later in zip(items, items[1:], strict=False):
        left, arrived = _date(earlier.get("moved_out")), _date(later["moved_in"])
        if left and (arrived - left).days > 31:
            problems.append(
                f"There is a gap between {_long(left)} and {_long(arrived)}: add where you "
                "lived then"
            )
    return problems


def _at_least(count_of: Callable, message: Callable):
    def check(data, context):
        needed = count_of(context)
        have = len(data.get("items", []))
        return [] if have >= needed else [message(needed, have)]

    return check


def _some_or_none(what):
    def check(data, context):
        if data.get("items") or data.get("none"):
            return []
        return [f"Add {what}, or tick the box to say there are none"]

    return check


def _no_rule(data, context):
    return []


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    form: type
    intro: str = ""
    many: bool = False
    per_applicant: bool = False
    private: bool = False
    none_label: str = ""
    add_label: str = "Add"
    summary: Callable = field(default=lambda item: "")
    complete: Callable = _no_rule

    def problems(self, data, context) -> list[str]:
        return self.complete(data or {}, context)


SECTIONS = [
    Section(
        "about_you",
        "Your personal details",
        AboutYouForm,
        intro="As they appear on your passport or driving licence.",
        per_applicant=True,
    ),
    Section(
        "addresses",
        "Your addresses for the last five years",
        AddressForm,
        intro="Every address you have lived at in the last five years, with no gaps: we ask "
        "each council you lived in whether it knows anything about you.",
        many=True,
        per_applicant=True,
        add_label="Add this address",
        summary=lambda item: (
            f"{item['address']}, from {_long(_date(item['moved_in']))}"
            + (f" to {_long(_date(item['moved_out']))}" if item.get("moved_out") else " (now)")
        ),
        complete=_addresses_complete,
    ),
    Section(
        "employment",
        "Your work",
        EmploymentForm,
        intro="Your current job and any others in the last five years. We ask employers "
        "for a reference, especially where the work was with children.",
        many=True,
        per_applicant=True,
        none_label="I have not worked in the last five years",
        add_label="Add this job",
        summary=lambda item: f"{item['job_title']} at {item['employer']}",
        complete=_some_or_none("a job"),
    ),
    Section(
        "former_partners",
        "Former partners",
        FormerPartnerForm,
        intro="Anyone you lived with as a couple, or had children with. We may contact them: "
        "this is a usual part of every fostering assessment. Your joint applicant does not "
        "see this section.",
        many=True,
        per_applicant=True,
        private=True,
        none_label="I have not lived with or had children with anyone before",
        add_label="Add this person",
        summary=lambda item: f"{item['name']} ({item['when']})",
        complete=_some_or_none("a former partner"),
    ),
    Section(
        "health",
        "Your health and GP",
        HealthForm,
        intro="Your joint applicant does not see this section.",
        per_applicant=True,
        private=True,
    ),
    Section(
        "convictions",
        "Convictions and investigations",
        ConvictionsForm,
        intro="Your joint applicant does not see this section. The DBS check will show any "
        "record, so it helps to tell us first.",
        per_applicant=True,
        private=True,
    ),
    Section(
        "household",
        "Other adults in your home",
        HouseholdAdultForm,
        intro="Everyone aged 18 or over who lives with you (other than the applicants), and "
        "anyone who stays overnight regularly. Each of them needs an enhanced DBS check.",
        many=True,
        none_label="No other adults live with us or stay overnight regularly",
        add_label="Add this person",
        summary=lambda item: f"{item['name']}, {item['relationship']}",
        complete=_some_or_none("an adult"),
    ),
    Section(
        "children",
        "Children",
        ChildForm,
        intro="Your children and any children who live with you, including children of yours "
        "who live somewhere else.",
        many=True,
        none_label="We have no children",
        add_label="Add this child",
        summary=lambda item: (
            f"{item['name']} "
            + ("(lives with you)" if item["lives"] == "here" else "(lives elsewhere)")
        ),
        complete=_some_or_none("a child"),
    ),
    Section(
        "referees",
        "Personal referees",
        RefereeForm,
        intro="People who know you well and have seen you with children. They cannot be "
        "relatives or live with you. We send each of them a short online form.",
        many=True,
        add_label="Add this referee",
        summary=lambda item: f"{item['name']}, {item['how_known']}",
        complete=_at_least(
            lambda context: context["rules"].personal_referees_required,
            lambda needed, have: f"Add at least {needed} referees (you have added {have})",
        ),
    ),
    Section("home", "Your home", HomeForm),
    Section("fostering", "The fostering you are interested in", FosteringInterestForm),
]
BY_KEY = {section.key: section for section in SECTIONS}

# What each applicant agrees to in their declaration, with the words they are shown
# (kept with the date they agreed, as the consent record).
CONSENTS = [
    (
        "dbs",
        "I agree to an enhanced DBS check, including the children's barred list.",
    ),
    (
        "local_authority",
        "I agree to the fostering service asking the councils where I have lived in the last "
        "five years what they know about me.",
    ),
    ("medical", "I agree to my GP sending a report on my health to the fostering service."),
    (
        "references",
        "I agree to the fostering service contacting my personal referees and employers.",
    ),
    (
        "former_partners",
        "I agree to the fostering service contacting the former partners I have named.",
    ),
    (
        "truth",
        "What I have told you in this application is true and complete to the best of my "
        "knowledge.",
    ),
]


class DeclarationForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, wording in CONSENTS:
            self.fields[key] = forms.BooleanField(
                label=wording,
                error_messages={"required": "Tick every box to sign your declaration"},
            )


class JointApplicantForm(forms.Form):
    name = forms.CharField(label="Their full name", max_length=150)
    email = forms.EmailField(
        max_length=254,
        label="Their e-mail address",
        help_text="We send them a link to join the application with their own account.",
    )


def readable_answers(section, data):
    """A section's answers as (question, answer) rows for the check-your-answers page."""
    if section.many:
        items = [section.summary(item) for item in data.get("items", [])]
        if data.get("none"):
            items = [section.none_label]
        return [("Entries", items)] if items else []  # one line per entry
    rows = []
    form = section.form(initial=section.form.initial_from(data))
    for name, form_field in form.fields.items():
        value = data.get(name)
        if value in (None, ""):
            continue
        choices = dict(getattr(form_field, "choices", []) or [])
        if isinstance(value, list):
            value = ", ".join(str(choices.get(v, v)) for v in value)
        elif isinstance(value, bool):
            value = "Yes" if value else "No"
        else:
            value = choices.get(value, value)
            if hasattr(form.initial.get(name), "strftime"):
                value = f"{form.initial[name]:%-d %B %Y}"
        rows.append((form_field.label, [value]))
    return rows
