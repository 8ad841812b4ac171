from django import forms

from core.booking import BookingStatus
from core.forms import GovukDateField

from .models import CpdEntry


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[("approve", "Approve the booking"), ("decline", "Decline the booking")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to approve or decline the booking."},
    )
    note = forms.CharField(
        label="Note to the person (optional)",
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class OfferResponseForm(forms.Form):
    response = forms.ChoiceField(
        label="Do you want this place?",
        choices=[("accept", "Yes, I accept the place"), ("decline", "No, pass it on")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether you accept the place."},
    )


REGISTER_CHOICES = [
    (BookingStatus.ATTENDED, "Attended"),
    (BookingStatus.NO_SHOW, "Did not attend"),
    (BookingStatus.CANCELLED_LATE, "Cancelled late"),
]


class RegisterForm(forms.Form):
    """One radio group per person who held a place."""

    def __init__(self, bookings, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.bookings = list(bookings)
        for booking in self.bookings:
            initial = booking.status if booking.status != BookingStatus.CONFIRMED else None
            self.fields[f"booking_{booking.pk}"] = forms.ChoiceField(
                label=booking.user.get_full_name() or booking.user.email,
                choices=REGISTER_CHOICES,
                widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
                initial=initial,
                error_messages={
                    "required": f"Choose attended, did not attend or cancelled late for "
                    f"{booking.user.get_full_name() or booking.user.email}."
                },
            )

    def marks(self) -> dict:
        return {
            booking.pk: self.cleaned_data[f"booking_{booking.pk}"]
            for booking in self.bookings
            if self.cleaned_data.get(f"booking_{booking.pk}")
        }


class CpdEntryForm(forms.ModelForm):
    class Meta:
        model = CpdEntry
        fields = [
            "title",
            "cpd_type",
            "activity_date",
            "description",
            "learning",
            "impact",
            "peer_reflection",
            "status",
        ]
        field_classes = {"activity_date": GovukDateField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "learning": forms.Textarea(attrs={"rows": 4}),
            "impact": forms.Textarea(attrs={"rows": 4}),
            "peer_reflection": forms.Textarea(attrs={"rows": 3}),
            "status": forms.RadioSelect,
        }

    def clean(self):
        data = super().clean()
        if data.get("status") == CpdEntry.Status.READY:
            for name in ("description", "learning", "impact"):
                if not (data.get(name) or "").strip():
                    self.add_error(
                        name,
                        "Fill this in before marking the entry ready to record with "
                        "Social Work England.",
                    )
        return data


class KnowledgeCheckForm(forms.Form):
    """One attempt's questions: radios for one right answer, tick boxes for several."""

    def __init__(self, attempt, module, *args, **kwargs):
        from .services.checks import ANSWER_PREFIX

        super().__init__(*args, **kwargs)
        for number, question in enumerate(attempt.questions, start=1):
            choices = [(str(n), a["text"]) for n, a in enumerate(question["answers"])]
            label = f"{number}. {question['question']}"
            if question["several_answers"]:
                field = forms.MultipleChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    help_text="Select all that apply.",
                    error_messages={"required": f"Select at least one answer to question {number}"},
                )
            else:
                field = forms.ChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.RadioSelect,
                    error_messages={"required": f"Select an answer to question {number}"},
                )
            self.fields[ANSWER_PREFIX + question["id"]] = field
        self.fields["reflection"] = forms.CharField(
            label=module.reflection_prompt or "What will you do differently after this module?",
            required=False,
            max_length=3000,
            widget=forms.Textarea(attrs={"rows": 4}),
            help_text="Your reflection is saved with your attempt and goes into the draft "
            "CPD entry we start when you finish the course.",
            error_messages={"max_length": "Keep your reflection to 3,000 characters or fewer"},
        )

    def answers(self) -> dict[str, list[int]]:
        from .services.checks import ANSWER_PREFIX

        result = {}
        for name, value in self.cleaned_data.items():
            if name.startswith(ANSWER_PREFIX):
                values = value if isinstance(value, list) else [value]
                result[name[len(ANSWER_PREFIX) :]] = sorted({int(v) for v in values})
        return result
