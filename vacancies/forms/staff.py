"""Forms for the recruitment team's own screens."""

from django import forms
from django.utils import timezone

from core import limits
from core.forms import GovukDateField
from vacancies.models import ApplicationStatus, InterviewSlot
from vacancies.models.applications import CheckStatus, WithdrawalReason


class MoveForm(forms.Form):
    to_status = forms.ChoiceField(label="Move to", widget=forms.RadioSelect)
    note = forms.CharField(
        label="Note for the record",
        required=False,
        max_length=limits.SHORT_ANSWER,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The candidate does not see this note.",
    )

    def __init__(self, *args, moves=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [(m, ApplicationStatus(m).label) for m in moves]


class CheckForm(forms.Form):
    status = forms.ChoiceField(choices=CheckStatus.choices)
    checked_on = GovukDateField(label="Date checked", required=False)
    note = forms.CharField(required=False, max_length=255)

    def clean(self):
        data = super().clean()
        if data.get("status") == CheckStatus.SATISFACTORY and not data.get("checked_on"):
            self.add_error("checked_on", "Enter the date the check was completed.")
        if data.get("checked_on") and data["checked_on"] > timezone.localdate():
            self.add_error("checked_on", "The date checked cannot be in the future.")
        return data


class HireForm(forms.Form):
    start_date = GovukDateField(label="Start date")
    note = forms.CharField(
        required=False, max_length=limits.SHORT_ANSWER, widget=forms.Textarea(attrs={"rows": 2})
    )


class InterviewSlotForm(forms.ModelForm):
    class Meta:
        model = InterviewSlot
        fields = ["starts_at", "ends_at", "location"]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }
        labels = {"starts_at": "Starts", "ends_at": "Ends"}

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", "The interview must end after it starts.")
        return data


class WithdrawForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why are you withdrawing?", choices=WithdrawalReason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label="Anything else you would like to tell us",
        required=False,
        max_length=limits.SHORT_ANSWER,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ChooseSlotForm(forms.Form):
    slot = forms.ModelChoiceField(
        label="Choose an interview time",
        queryset=InterviewSlot.objects.none(),
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, slots=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = slots
