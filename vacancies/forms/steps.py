"""The application journey: one form class per step, each saving to the draft."""

from django import forms

from accounts.models import swe_number_validator
from core.uploads import safe_display_name, validate_document
from vacancies.models import Application, EqualityMonitoring
from vacancies.models.applications import ReferenceConsent, RightToWork

from .validators import count_words

SUPPORTING_STATEMENT_WORDS = 1500


class StepForm(forms.ModelForm):
    """A step of the application. `vacancy` lets a step depend on the job."""

    title = ""
    slug = ""
    # Fields optional on the model (drafts may leave them blank) that this step requires.
    required_fields: tuple[str, ...] = ()

    def __init__(self, *args, vacancy=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.vacancy = vacancy
        for name in self.required_fields:
            self.fields[name].required = True

    @classmethod
    def applies_to(cls, vacancy) -> bool:
        return True


class PersonalDetailsForm(StepForm):
    title = "Personal details"
    slug = "personal-details"

    class Meta:
        model = Application
        fields = ["first_name", "last_name", "email", "phone", "address", "postcode"]
        widgets = {"address": forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "email", "phone", "postcode"):
            self.fields[name].required = True
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["postcode"].widget.attrs["autocomplete"] = "postal-code"


class RightToWorkForm(StepForm):
    title = "Right to work in the UK"
    slug = "right-to-work"
    required_fields = ("right_to_work",)

    class Meta:
        model = Application
        fields = ["right_to_work", "right_to_work_details"]
        widgets = {
            "right_to_work": forms.RadioSelect,
            "right_to_work_details": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"right_to_work_details": "Visa type and expiry date, if you have a visa"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["right_to_work"].choices = RightToWork.choices
        self.fields["right_to_work"].label = "Do you have the right to work in the UK?"

    def clean(self):
        data = super().clean()
        if data.get("right_to_work") == RightToWork.VISA and not data.get("right_to_work_details"):
            self.add_error("right_to_work_details", "Enter your visa type and when it expires.")
        return data


class RegistrationForm(StepForm):
    title = "Professional registration"
    slug = "registration"

    class Meta:
        model = Application
        fields = ["swe_registration_number"]
        help_texts = {
            "swe_registration_number": "SW followed by digits, for example SW123456. "
            "Newly qualified social workers can give the number once it is issued."
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["swe_registration_number"]
        field.required = bool(self.vacancy and self.vacancy.requires_swe_registration)

    def clean_swe_registration_number(self):
        number = self.cleaned_data["swe_registration_number"].replace(" ", "").upper()
        if number:
            swe_number_validator(number)
        return number


class QualificationsForm(StepForm):
    title = "Qualifications"
    slug = "qualifications"
    required_fields = ("qualifications",)

    class Meta:
        model = Application
        fields = ["qualifications"]
        widgets = {"qualifications": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "qualifications": "List each qualification with the awarding body and the year, "
            "starting with the most relevant (for example your social work degree)."
        }


class EmploymentHistoryForm(StepForm):
    title = "Employment history"
    slug = "employment-history"
    required_fields = ("employment_history", "employment_gaps")

    class Meta:
        model = Application
        fields = ["employment_history", "employment_gaps"]
        widgets = {
            "employment_history": forms.Textarea(attrs={"rows": 8}),
            "employment_gaps": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "employment_history": "Every job since you left education, most recent first: "
            "employer, job title, dates (month and year) and why you left.",
            "employment_gaps": "Safer-recruitment rules ask us to understand every gap of "
            "more than three months. Write “none” if there are no gaps.",
        }


class RefereesForm(StepForm):
    title = "References"
    slug = "references"

    class Meta:
        model = Application
        fields = [
            "referee_1_name",
            "referee_1_email",
            "referee_1_organisation",
            "referee_1_relationship",
            "referee_2_name",
            "referee_2_email",
            "referee_2_organisation",
            "referee_2_relationship",
            "reference_consent",
        ]
        labels = {
            "referee_1_name": "First referee's name (your most recent employer)",
            "referee_1_email": "First referee's e-mail address",
            "referee_1_organisation": "First referee's organisation",
            "referee_1_relationship": "How they know you",
            "referee_2_name": "Second referee's name",
            "referee_2_email": "Second referee's e-mail address",
            "referee_2_organisation": "Second referee's organisation",
            "referee_2_relationship": "How they know you",
            "reference_consent": "When may we contact your referees?",
        }
        widgets = {"reference_consent": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.Meta.fields:
            self.fields[name].required = True
        self.fields["reference_consent"].choices = ReferenceConsent.choices

    def clean(self):
        data = super().clean()
        first, second = data.get("referee_1_email"), data.get("referee_2_email")
        if first and second and first.lower() == second.lower():
            self.add_error("referee_2_email", "Give two different referees.")
        return data


class SupportingStatementForm(StepForm):
    title = "Supporting statement"
    slug = "supporting-statement"
    required_fields = ("supporting_statement",)

    class Meta:
        model = Application
        fields = ["supporting_statement"]
        widgets = {"supporting_statement": forms.Textarea(attrs={"rows": 12})}
        help_texts = {
            "supporting_statement": "Tell us how your experience meets the job profile, "
            "with examples. Up to 1,500 words."
        }

    def clean_supporting_statement(self):
        text = self.cleaned_data["supporting_statement"]
        words = count_words(text)
        if words > SUPPORTING_STATEMENT_WORDS:
            raise forms.ValidationError(
                f"Your supporting statement must be {SUPPORTING_STATEMENT_WORDS:,} words or "
                f"fewer. It has {words:,} words."
            )
        return text


class CVForm(StepForm):
    title = "Your CV"
    slug = "cv"

    cv_file = forms.FileField(
        label="Upload your CV",
        required=False,
        help_text="PDF, Word (DOCX) or OpenDocument (ODT), smaller than 5 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt"}),
    )

    class Meta:
        model = Application
        fields: list[str] = []

    def clean_cv_file(self):
        upload = self.cleaned_data.get("cv_file")
        if upload:
            self.real_format = validate_document(upload)
        elif not self.instance.cv:
            raise forms.ValidationError("Select your CV to upload.")
        return upload

    def save(self, commit=True):
        upload = self.cleaned_data.get("cv_file")
        if upload:
            if self.instance.cv:
                self.instance.cv.delete(save=False)
            # Shown later (to the candidate and staff): the cleaned name, never the raw one.
            self.instance.cv_original_name = safe_display_name(upload.name, self.real_format)
            upload.name = f"cv.{self.real_format}"
            self.instance.cv = upload
        return super().save(commit)


class DeclarationsForm(StepForm):
    title = "Declarations"
    slug = "declarations"

    has_criminal_record_to_declare = forms.TypedChoiceField(
        label="Do you have anything to declare under the criminal records self-disclosure rules?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text="This role is exempt from the Rehabilitation of Offenders Act 1974: declare "
        "convictions, cautions, reprimands and warnings that are not protected. Protected ones "
        "are filtered and must not be declared.",
    )

    class Meta:
        model = Application
        fields = [
            "has_criminal_record_to_declare",
            "criminal_record_details",
            "conflicts_of_interest",
            "declaration_confirmed",
        ]
        widgets = {
            "criminal_record_details": forms.Textarea(attrs={"rows": 4}),
            "conflicts_of_interest": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "criminal_record_details": "If yes, give details",
            "conflicts_of_interest": "Conflicts of interest",
            "declaration_confirmed": "I confirm that the information in this application is "
            "true and complete",
        }
        help_texts = {
            "conflicts_of_interest": "For example a relative who works for the council's "
            "children's services, or a second job. Leave blank if there are none.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        value = self.instance.has_criminal_record_to_declare
        if value is not None and not self.is_bound:
            self.initial["has_criminal_record_to_declare"] = "yes" if value else "no"
        self.fields["declaration_confirmed"].required = True

    def clean(self):
        data = super().clean()
        if data.get("has_criminal_record_to_declare") and not data.get("criminal_record_details"):
            self.add_error("criminal_record_details", "Give details of what you are declaring.")
        return data


class AdjustmentsForm(StepForm):
    title = "Adjustments for interview"
    slug = "adjustments"

    class Meta:
        model = Application
        fields = ["interview_adjustments"]
        widgets = {"interview_adjustments": forms.Textarea(attrs={"rows": 4})}
        labels = {"interview_adjustments": "Do you need any adjustments at interview?"}
        help_texts = {
            "interview_adjustments": "For example step-free access, extra time or a British "
            "Sign Language interpreter. Leave blank if you need none."
        }


class EqualityForm(StepForm):
    """Optional; saved to a separate record that shortlisters never see."""

    title = "Equality monitoring (optional)"
    slug = "equality"

    class Meta:
        model = EqualityMonitoring
        fields = ["age_band", "sex", "ethnicity", "disability"]
        widgets = {
            "age_band": forms.RadioSelect,
            "sex": forms.RadioSelect,
            "ethnicity": forms.RadioSelect,
            "disability": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
            field.choices = [c for c in field.choices if c[0]]


STEPS: list[type[StepForm]] = [
    PersonalDetailsForm,
    RightToWorkForm,
    RegistrationForm,
    QualificationsForm,
    EmploymentHistoryForm,
    RefereesForm,
    SupportingStatementForm,
    CVForm,
    DeclarationsForm,
    AdjustmentsForm,
    EqualityForm,
]
STEPS_BY_SLUG = {step.slug: step for step in STEPS}
