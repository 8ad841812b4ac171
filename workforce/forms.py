from django import forms

from accounts.models import EmploymentType, StaffProfile, Team
from core import limits
from core.forms import GovukDateField

from .models import Agency, ComplianceRule, DfeJobType, ProjectTeam, RegistrationCheck


class AssignmentForm(forms.Form):
    worker = forms.ModelChoiceField(
        label="Worker",
        queryset=StaffProfile.objects.none(),
        help_text="Only people with an agency spell in their employment history are listed.",
    )
    agency = forms.ModelChoiceField(label="Agency", queryset=Agency.objects.all())
    job_type = forms.ChoiceField(label="DfE job type", choices=DfeJobType.choices)
    team = forms.ModelChoiceField(label="Team", queryset=Team.objects.all())
    start_date = GovukDateField(label="Start date")
    planned_end_date = GovukDateField(label="Planned end date")
    notice_weeks = forms.IntegerField(label="Notice period (weeks)", min_value=0, max_value=52)
    permanent_notice_weeks = forms.IntegerField(
        label="Notice period of the equivalent permanent post (weeks), if shorter than four",
        required=False,
        min_value=0,
        max_value=52,
    )
    hourly_rate = forms.DecimalField(
        label="Hourly pay rate (£)",
        max_digits=6,
        decimal_places=2,
        help_text="Include employer's National Insurance and the apprenticeship levy, as the "
        "cap does.",
    )
    project_team = forms.ModelChoiceField(
        label="Project team (if any)", queryset=ProjectTeam.objects.all(), required=False
    )
    reason = forms.CharField(
        label="Reason for using an agency worker",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=limits.SHORT_ANSWER,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = (
            StaffProfile.objects.filter(spells__employment_type=EmploymentType.AGENCY)
            .distinct()
            .select_related("user", "job_role")
        )


class ComplianceForm(forms.Form):
    rule = forms.ChoiceField(label="Rule", choices=ComplianceRule.choices, widget=forms.RadioSelect)
    met = forms.TypedChoiceField(
        label="Is the rule met?",
        choices=[("yes", "Yes, the rule is met"), ("no", "No, this is an allowed exception")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    evidence = forms.CharField(
        label="Evidence you checked",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=limits.SHORT_ANSWER,
    )
    exception_reason = forms.CharField(
        label="Reason for the exception",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=limits.SHORT_ANSWER,
        help_text="Only for an exception, for example leaving through redundancy.",
    )
    checked_on = GovukDateField(label="Date checked")


class RateForm(forms.Form):
    hourly_rate = forms.DecimalField(
        label="New hourly pay rate (£)", max_digits=6, decimal_places=2
    )


class RegistrationCheckForm(forms.Form):
    registration_number = forms.CharField(label="Registration number", max_length=10)
    checked_on = GovukDateField(label="Date you checked the register")
    outcome = forms.ChoiceField(
        label="What the register showed",
        choices=RegistrationCheck.Outcome.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=limits.SHORT_ANSWER,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


READINESS = [("", "Any"), ("ready", "CPD ready"), ("not_ready", "CPD not ready")]


class RegisterFilterForm(forms.Form):
    team = forms.ModelChoiceField(label="Team", queryset=Team.objects.all(), required=False)
    employment_type = forms.ChoiceField(
        label="Employment type", choices=[("", "Any"), *EmploymentType.choices], required=False
    )
    cpd = forms.ChoiceField(label="CPD readiness", choices=READINESS, required=False)


class QuarterForm(forms.Form):
    year = forms.IntegerField(label="Year", min_value=2024, max_value=2100)
    quarter = forms.TypedChoiceField(
        label="Quarter",
        coerce=int,
        choices=[
            (1, "January to March"),
            (2, "April to June"),
            (3, "July to September"),
            (4, "October to December"),
        ],
    )
