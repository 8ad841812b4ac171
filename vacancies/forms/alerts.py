from django import forms

from vacancies.models import JobAlert


class JobAlertForm(forms.ModelForm):
    class Meta:
        model = JobAlert
        fields = ["email", "frequency"]
        widgets = {"frequency": forms.RadioSelect}
        labels = {"email": "Your e-mail address", "frequency": "How often?"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["frequency"].choices = JobAlert.Frequency.choices
