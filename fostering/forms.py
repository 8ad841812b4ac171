import re

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import Team
from accounts.roles import Role
from core import limits
from core.forms import GovukDateField

from .models import (
    ENQUIRY_FIELDS,
    EventBooking,
    FosteringCase,
    FosteringType,
    HouseholdMember,
    PreparationBooking,
    PreparationSession,
    Stage1Check,
)
from .pipeline import ALLOWED_MOVES, NEEDS_REASON, REASON_PROMPTS, Recommendation, Stage

# Outward code (area, district), then inward code (sector, unit), without the space.
UK_POSTCODE = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}")


class EventBookingForm(forms.Form):
    name = forms.CharField(label="Your name", max_length=150)
    email = forms.EmailField(
        label="Email address",
        # The column's limit (Django's form field alone would let 320 characters through).
        max_length=EventBooking._meta.get_field("email").max_length,
        error_messages={
            "max_length": "Enter an email address of %(limit_value)d characters or fewer"
        },
        help_text="We send your confirmation and the event details here.",
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
        max_length=limits.SHORT_ANSWER,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required when a case is withdrawn, not progressed or not approved: say why.",
    )

    override_reason = forms.CharField(
        label="Reason for overriding what is missing",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Administrators only. Leave empty unless the case must move on before "
        "everything it needs is recorded: say why. The case history shows it.",
    )

    def __init__(self, case, *args, can_override=False, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = ALLOWED_MOVES[case.stage]
        self.fields["to_stage"].widget = forms.RadioSelect(
            choices=[(s.value, s.label) for s in Stage if s in allowed]
        )
        if not can_override:
            del self.fields["override_reason"]

    def clean(self):
        data = super().clean()
        to_stage = data.get("to_stage")
        if to_stage in NEEDS_REASON and not data.get("note", "").strip():
            self.add_error("note", REASON_PROMPTS[to_stage].rstrip("."))
        return data


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Add a note", max_length=limits.LONG_ANSWER, widget=forms.Textarea(attrs={"rows": 3})
    )


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
            "assessment_completed_on",
            "panel_recommendation",
            "agency_decision",
        ]
        field_classes = {
            "application_received_on": GovukDateField,
            "panel_date": GovukDateField,
            "panel_papers_sent_on": GovukDateField,
            "panel_minutes_received_on": GovukDateField,
            "assessment_completed_on": GovukDateField,
        }
        labels = {
            "panel_recommendation": "The panel's recommendation",
            "agency_decision": "The agency decision maker's decision",
        }
        widgets = {"panel_recommendation": forms.RadioSelect, "agency_decision": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessing_worker"].queryset = get_user_model().objects.filter(
            groups__name=Role.FOSTERING_TEAM
        )
        self.fields["supervising_team"].queryset = Team.objects.all()
        for name in ("panel_recommendation", "agency_decision"):
            self.fields[name].choices = [("", "Not recorded yet"), *Recommendation.choices]


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


class AttendanceForm(forms.Form):
    """One household's attendance at a Skills to Foster session (the register's buttons).
    Forged or stale values are form errors, never a server error."""

    booking = forms.ModelChoiceField(
        queryset=PreparationBooking.objects.none(),
        error_messages={
            "required": "Choose whose attendance to record.",
            "invalid_choice": "That household is not on this session's register.",
        },
    )
    attended = forms.ChoiceField(
        choices=[("attended", "Attended"), ("no_show", "Did not attend")],
        error_messages={
            "required": "Choose attended or did not attend.",
            "invalid_choice": "Choose attended or did not attend.",
        },
    )

    def __init__(self, session, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["booking"].queryset = session.bookings.select_related("case")


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


YES_NO_CHOICES = [("yes", "Yes"), ("no", "No")]


class ReferenceForm(forms.Form):
    """The questions a personal referee answers online (opened through their own link)."""

    how_known = forms.CharField(
        label="How long have you known them, and how?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    with_children = forms.CharField(
        label="Have you seen them with children? What are they like with them?",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    strengths = forms.CharField(
        label="What would they bring to caring for a child who cannot live with their own family?",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    concerns = forms.ChoiceField(
        label="Do you have any concerns about them caring for children?",
        choices=YES_NO_CHOICES,
        widget=forms.RadioSelect,
    )
    allegations = forms.ChoiceField(
        label="Do you know of any investigation, warning or allegation about them that "
        "relates to children?",
        choices=YES_NO_CHOICES,
        widget=forms.RadioSelect,
    )
    details = forms.CharField(
        label="If you answered yes to either question, tell us more",
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    recommend = forms.ChoiceField(
        label="Would you recommend them as foster carers?",
        choices=[("yes", "Yes"), ("no", "No"), ("unsure", "I am not sure")],
        widget=forms.RadioSelect,
    )
    true_statement = forms.BooleanField(
        label="What I have written is true, to the best of my knowledge",
        error_messages={"required": "Tick the box to confirm what you have written is true"},
    )

    def clean(self):
        data = super().clean()
        said_yes = "yes" in {data.get("concerns"), data.get("allegations")}
        if said_yes and not data.get("details", "").strip():
            self.add_error("details", "Tell us more about what you answered yes to")
        return data


class CanIFosterForm(forms.Form):
    """The optional check before enquiring: it explains and encourages, and turns nobody
    away (nothing is stored)."""

    age = forms.ChoiceField(
        label="Are you 21 or over?",
        choices=[("yes", "Yes"), ("soon", "Not yet, but I will be soon"), ("no", "No")],
        widget=forms.RadioSelect,
    )
    bedroom = forms.ChoiceField(
        label="Do you have a spare bedroom?",
        choices=[("yes", "Yes"), ("soon", "Not yet, but there will be"), ("no", "No")],
        widget=forms.RadioSelect,
    )
    experience = forms.ChoiceField(
        label="Have you cared for children, as a parent, at work or as a volunteer?",
        choices=[("yes", "Yes"), ("some", "A little"), ("no", "Not really")],
        widget=forms.RadioSelect,
    )

    ANSWERS = {
        "age": {
            "yes": "You are old enough to foster.",
            "soon": "You can be approved from 21, and the assessment takes several months: it "
            "is a good time to find out more.",
            "no": "You can be approved as a foster carer from 21. Come to an information "
            "event now: many people start thinking about fostering well before then.",
        },
        "bedroom": {
            "yes": "Good: a child in foster care usually needs a bedroom of their own.",
            "soon": "That is fine: we can plan the timing with you when you enquire.",
            "no": "A child in foster care usually needs their own bedroom. Talk to us: "
            "short breaks, or a move you are planning, can change what is possible.",
        },
        "experience": {
            "yes": "Your experience with children will help, and we will build on it.",
            "some": "Every bit of experience counts, and we help you build more.",
            "no": "Many of our foster carers started with little experience. Skills to Foster "
            "training and a supervising social worker help you get ready.",
        },
    }

    def explanations(self) -> list[str]:
        return [self.ANSWERS[name][self.cleaned_data[name]] for name in self.ANSWERS]
