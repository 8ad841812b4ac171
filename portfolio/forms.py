"""One form per thing recorded in a portfolio. Every {{ form }} renders with GOV.UK markup."""

from django import forms
from django.core.exceptions import ValidationError

from academy.models import Completion, CpdEntry
from core.forms import GovukDateField
from core.uploads import validate_document

from .models import (
    Agreement,
    EvidenceItem,
    Feedback,
    FrameworkItem,
    Observation,
    Outcome,
    Reflection,
    Review,
    SelfAssessment,
    SupervisionRecord,
)

TEXT = {"rows": 5}


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["supervision_plan", "protected_time", "caseload", "learning_needs"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}


class RecordForm(forms.ModelForm):
    """A record tagged to items of the portfolio's framework."""

    tag_items = True

    def __init__(self, portfolio, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.portfolio = portfolio
        if "items" in self.fields:
            field = self.fields["items"]
            # The widget first: setting the queryset gives the widget its choices.
            field.widget = forms.CheckboxSelectMultiple()
            field.queryset = FrameworkItem.objects.filter(
                framework=portfolio.template.framework
            ).order_by("sort_order")
            field.label = "Framework items this shows"
            field.help_text = "Select all that apply."
            field.required = False


class SupervisionForm(RecordForm):
    class Meta:
        model = SupervisionRecord
        fields = ["held_on", "supervisor", "notes", "reflection", "items"]
        field_classes = {"held_on": GovukDateField}
        widgets = {"notes": forms.Textarea(attrs=TEXT), "reflection": forms.Textarea(attrs=TEXT)}
        help_texts = {"supervisor": "Their role, for example “practice educator”."}


class ReflectionForm(RecordForm):
    class Meta:
        model = Reflection
        fields = ["kind", "written_on", "title", "text", "items"]
        field_classes = {"written_on": GovukDateField}
        widgets = {"kind": forms.RadioSelect, "text": forms.Textarea(attrs={"rows": 8})}
        labels = {
            "kind": "What kind of reflection is it?",
            "written_on": "Date",
            "text": "Your reflection",
        }


class SelfAssessmentForm(RecordForm):
    class Meta:
        model = SelfAssessment
        fields = ["stage", "strengths", "development", "items"]
        widgets = {
            "stage": forms.RadioSelect,
            "strengths": forms.Textarea(attrs=TEXT),
            "development": forms.Textarea(attrs=TEXT),
        }
        labels = {"stage": "Which self-assessment is this?"}

    def clean_stage(self):
        stage = self.cleaned_data["stage"]
        if SelfAssessment.objects.filter(portfolio=self.portfolio, stage=stage).exists():
            raise ValidationError("You have already recorded this self-assessment.")
        return stage


class FeedbackForm(RecordForm):
    class Meta:
        model = Feedback
        fields = ["source", "given_on", "given_by", "text", "from_paper", "consent", "items"]
        field_classes = {"given_on": GovukDateField}
        widgets = {"source": forms.RadioSelect, "text": forms.Textarea(attrs=TEXT)}
        labels = {"source": "Who gave the feedback?", "given_on": "Date given"}

    def clean_consent(self):
        if not self.cleaned_data.get("consent"):
            raise ValidationError(
                "Confirm the person agreed to their feedback being kept in the portfolio."
            )
        return True


class EvidenceForm(RecordForm):
    class Meta:
        model = EvidenceItem
        fields = ["title", "description", "document", "completion", "cpd_entry", "items"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        labels = {
            "document": "Upload a document",
            "completion": "Or link completed training or e-learning",
            "cpd_entry": "Or link an entry in your CPD record",
        }
        help_texts = {"document": "A PDF, Word (DOCX) or OpenDocument (ODT) file, up to 5 MB."}

    def __init__(self, portfolio, *args, **kwargs):
        super().__init__(portfolio, *args, **kwargs)
        self.fields["completion"].queryset = Completion.objects.filter(
            user=portfolio.nqsw
        ).select_related("course")
        self.fields["completion"].label_from_instance = lambda c: (
            f"{c.course.title}, {c.completed_on:%-d %B %Y}"
        )
        self.fields["cpd_entry"].queryset = CpdEntry.objects.filter(user=portfolio.nqsw)

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if upload and hasattr(upload, "size"):
            validate_document(upload)
        return upload

    def clean(self):
        data = super().clean()
        if not (data.get("document") or data.get("completion") or data.get("cpd_entry")):
            raise ValidationError("Upload a document, or link completed training or a CPD entry.")
        return data


class ObservationForm(RecordForm):
    class Meta:
        model = Observation
        fields = ["observed_on", "setting", "observed", "analysis", "items"]
        field_classes = {"observed_on": GovukDateField}
        widgets = {"observed": forms.Textarea(attrs=TEXT), "analysis": forms.Textarea(attrs=TEXT)}


class ObservationReflectionForm(forms.Form):
    reflection = forms.CharField(
        label="Your reflection on this observation",
        widget=forms.Textarea(attrs=TEXT),
        max_length=10000,
        error_messages={"required": "Enter your reflection on the observation."},
    )


class ReviewForm(forms.Form):
    progress = forms.ChoiceField(
        label="Progress at this point",
        choices=Review.Progress.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether progress is as expected or a cause for concern."
        },
    )
    summary = forms.CharField(
        label="Summary of progress against the framework",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20000,
        error_messages={"required": "Enter a summary of progress."},
    )
    action_plan_check = forms.CharField(
        label="Progress on the open action plan",
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        max_length=10000,
    )
    actions = forms.CharField(
        label="Action plan: what needs to change and the support given",
        help_text="Needed for a cause for concern.",
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        max_length=10000,
    )
    review_by = GovukDateField(
        label="Check the action plan by", required=False, help_text="For example, 27 3 2027"
    )

    def __init__(self, *args, has_open_plan=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_open_plan:
            del self.fields["action_plan_check"]


class CommentForm(forms.Form):
    comment = forms.CharField(
        label="Your comments as line manager",
        widget=forms.Textarea(attrs=TEXT),
        max_length=10000,
        error_messages={"required": "Enter your comments."},
    )


class RecommendationForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Your recommendation",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose pass, fail or extend."},
    )
    summary = forms.CharField(
        label="The reasons for your recommendation",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20000,
        error_messages={"required": "Enter the reasons for your recommendation."},
    )

    def __init__(self, portfolio, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = {}
        for item in portfolio.template.framework.items.order_by("sort_order"):
            name = f"item_{item.pk}"
            self.fields[name] = forms.CharField(
                label=f"Evidence for {item.code}: {item.title}",
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.groups[name] = item

    def domain_evidence(self) -> dict:
        return {
            str(item): self.cleaned_data[name]
            for name, item in self.groups.items()
            if self.cleaned_data.get(name)
        }


class PanelDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="The panel's decision",
        choices=[("confirm", "Confirm the recommendation"), ("change", "Change it")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the panel confirms the recommendation."},
    )
    outcome = forms.ChoiceField(
        label="If changed, the outcome instead",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    reasons = forms.CharField(
        label="The panel's reasons",
        widget=forms.Textarea(attrs=TEXT),
        max_length=10000,
        error_messages={"required": "Enter the panel's reasons."},
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "change" and not data.get("outcome"):
            self.add_error("outcome", "Choose the outcome the panel decided instead.")
        return data


class AddendumForm(forms.Form):
    text = forms.CharField(
        label="Your addendum",
        help_text="The original stays as it was; this is added below it with today's date.",
        widget=forms.Textarea(attrs=TEXT),
        max_length=10000,
        error_messages={"required": "Enter the addendum."},
    )
