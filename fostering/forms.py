import re

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import Team
from accounts.roles import Role
from core.forms import GovukDateField

from .models import (
    ENQUIRY_FIELDS,
    FosteringCase,
    FosteringType,
    HouseholdMember,
    PreparationSession,
    Stage1Check,
)
from .pipeline import ALLOWED_MOVES, NEEDS_REASON, REASON_PROMPTS, Stage

# Outward code (area, district), then inward code (sector, unit), without the space.
UK_POSTCODE = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}")


class EventBookingForm(forms.Form):
    name = forms.CharField(label="Your name", max_length=150)
    email = forms.EmailField(
        label="Email address", help_text="We send your confirmation and the event details here."
    )
    phone = forms.CharField(
        label="Phone number",
        max_length=30,
        required=False,
        help_text="Only used if we need to tell you about a change at short notice.",
    )


class EnquiryForm(forms.ModelForm):
    fostering_types = forms.MultipleChoiceField(
        label="Which kinds of fostering interest you?",
        choices=FosteringType.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick all that apply. It's fine not to know yet.",
    )
    consent_to_contact = forms.BooleanField(
        label="I agree to the fostering team contacting me about my enquiry",
        error_messages={
            "required": "Tick the box to agree to us contacting you, so we can reply to you"
        },
    )

    class Meta:
        model = FosteringCase
        fields = ENQUIRY_FIELDS
        labels = {
            "email": "Email address",
            "phone": "Phone number",
            "preferred_call_time": "When is a good time to call you?",
            "household": "Who lives in your home?",
            "spare_bedroom": "Do you have a spare bedroom?",
            "source": "How did you hear about fostering with us?",
        }
        help_texts = {
            "preferred_call_time": "For example, weekday evenings after 6pm.",
            "postcode": "We welcome enquiries from Southampton and across Hampshire.",
            "household": "For example: me, my partner and our two children aged 9 and 14. "
            "Include anyone who stays regularly.",
            "spare_bedroom": "A child or young person in foster care usually needs a bedroom "
            "of their own. If you are not sure, tell us and we will talk it through.",
        }
        widgets = {
            "spare_bedroom": forms.RadioSelect,
            "household": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["spare_bedroom"].choices = self.fields["spare_bedroom"].choices[1:]
        self.fields["household"].required = True
        self.fields["postcode"].widget.attrs.update({"autocomplete": "postal-code"})
        self.fields["email"].widget.attrs.update({"autocomplete": "email"})
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "type": "tel"})
        self.fields["first_name"].widget.attrs.update({"autocomplete": "given-name"})
        self.fields["last_name"].widget.attrs.update({"autocomplete": "family-name"})

    def clean_postcode(self):
        # A UK postcode, with or without its space: "so147ly" is stored as "SO14 7LY".
        compact = "".join(self.cleaned_data["postcode"].upper().split())
        if not UK_POSTCODE.fullmatch(compact):
            raise forms.ValidationError("Enter a full UK postcode, like SO14 7LY")
        return f"{compact[:-3]} {compact[-3:]}"


class MoveForm(forms.Form):
    """Offers only the moves the table allows; the service refuses any other."""

    to_stage = forms.ChoiceField(label="Move the case to", choices=Stage.choices)
    note = forms.CharField(
        label="Note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required when a case is withdrawn, not progressed or not approved: say why.",
    )

    def __init__(self, case, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = ALLOWED_MOVES[case.stage]
        self.fields["to_stage"].widget = forms.RadioSelect(
            choices=[(s.value, s.label) for s in Stage if s in allowed]
        )

    def clean(self):
        data = super().clean()
        to_stage = data.get("to_stage")
        if to_stage in NEEDS_REASON and not data.get("note", "").strip():
            self.add_error("note", REASON_PROMPTS[to_stage].rstrip("."))
        return data


class NoteForm(forms.Form):
    text = forms.CharField(label="Add a note", widget=forms.Textarea(attrs={"rows": 3}))


class CaseDetailsForm(forms.ModelForm):
    class Meta:
        model = FosteringCase
        fields = [
            "assessing_worker",
            "supervising_team",
            "application_received_on",
            "panel_date",
            "panel_papers_sent_on",
            "panel_minutes_received_on",
        ]
        field_classes = {
            "application_received_on": GovukDateField,
            "panel_date": GovukDateField,
            "panel_papers_sent_on": GovukDateField,
            "panel_minutes_received_on": GovukDateField,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessing_worker"].queryset = get_user_model().objects.filter(
            groups__name=Role.FOSTERING_TEAM
        )
        self.fields["supervising_team"].queryset = Team.objects.all()


class HouseholdMemberForm(forms.ModelForm):
    class Meta:
        model = HouseholdMember
        fields = ["name", "relationship", "is_adult", "date_of_birth"]
        labels = {"is_adult": "Aged 18 or over"}
        field_classes = {"date_of_birth": GovukDateField}


class CheckForm(forms.ModelForm):
    class Meta:
        model = Stage1Check
        fields = ["detail", "requested_on", "completed_on", "outcome", "notes"]
        field_classes = {"requested_on": GovukDateField, "completed_on": GovukDateField}
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        requested, completed = data.get("requested_on"), data.get("completed_on")
        if requested and completed and completed < requested:
            self.add_error("completed_on", "The completion date must be on or after the request")
        return data


class PreparationBookingForm(forms.Form):
    session = forms.ModelChoiceField(
        label="Skills to Foster session", queryset=PreparationSession.objects.none()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = PreparationSession.objects.filter(
            is_cancelled=False, starts_at__gt=timezone.now()
        )


class ReportPeriodForm(forms.Form):
    """Narrow the reports to enquiries received in a period (both ends optional)."""

    since = GovukDateField(label="Enquiries from", required=False)
    until = GovukDateField(label="Enquiries up to", required=False)

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["until"] < data["since"]:
            self.add_error("until", "The end of the period must be on or after its start")
        return data

    def filter(self, cases):
        if not self.is_valid():
            return cases
        if self.cleaned_data.get("since"):
            cases = cases.filter(enquired_at__date__gte=self.cleaned_data["since"])
        if self.cleaned_data.get("until"):
            cases = cases.filter(enquired_at__date__lte=self.cleaned_data["until"])
        return cases
