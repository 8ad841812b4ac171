"""Applications, their status history, interviews, safer-recruitment checks and the
equality-monitoring answers kept apart from them."""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone

from core import limits


def private_storage():
    return storages["private"]


def cv_upload_to(instance, filename):
    # The candidate's file name is not trusted or kept in the path.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"applications/cv/{uuid.uuid4().hex}.{extension}"


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    SHORTLISTED = "shortlisted", "Shortlisted"
    NOT_SHORTLISTED = "not_shortlisted", "Not shortlisted"
    INTERVIEW = "interview", "Invited to interview"
    UNSUCCESSFUL = "unsuccessful", "Unsuccessful after interview"
    CONDITIONAL_OFFER = "conditional_offer", "Conditional offer"
    OFFER_DECLINED = "offer_declined", "Offer declined"
    CHECKS = "checks", "Pre-employment checks"
    CLEARED = "cleared", "Cleared"
    HIRED = "hired", "Hired"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Where an application ends: no move leads on from these (services/transitions.py's table
# has no row for them; a test keeps the two in step).
TERMINAL_STATUSES = frozenset(
    {
        ApplicationStatus.NOT_SHORTLISTED,
        ApplicationStatus.UNSUCCESSFUL,
        ApplicationStatus.OFFER_DECLINED,
        ApplicationStatus.HIRED,
        ApplicationStatus.WITHDRAWN,
    }
)


class RightToWork(models.TextChoices):
    BRITISH_IRISH = "british_irish", "I am a British or Irish citizen"
    SETTLED = "settled", "I have settled or pre-settled status"
    VISA = "visa", "I have a visa that lets me do this job"
    NEED_SPONSORSHIP = "sponsorship", "I would need sponsorship"


class WithdrawalReason(models.TextChoices):
    ANOTHER_JOB = "another_job", "I have accepted another job"
    CIRCUMSTANCES = "circumstances", "My circumstances have changed"
    NOT_RIGHT = "not_right", "The job is not right for me"
    PROCESS = "process", "The process took too long"
    OTHER = "other", "Another reason"


class ReferenceConsent(models.TextChoices):
    ANY_TIME = "any_time", "You may contact my referees at any time"
    TELL_ME_FIRST = "tell_me_first", "Tell me before you contact my referees"


class ApplicationQuerySet(models.QuerySet):
    def submitted(self):
        return self.exclude(status=ApplicationStatus.DRAFT)


class Application(models.Model):
    """One candidate's application for one vacancy, from draft to decision.

    A candidate has at most one application per vacancy (a unique constraint), which is
    what makes submission idempotent: a second click finds the same row.
    """

    vacancy = models.ForeignKey(
        "vacancies.VacancyPage", on_delete=models.CASCADE, related_name="applications"
    )
    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    status = models.CharField(
        max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    submission_token = models.UUIDField(default=uuid.uuid4, editable=False)
    steps_done = models.JSONField(default=list, blank=True)

    # Personal details
    first_name = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField("telephone number", max_length=30, blank=True)
    address = models.TextField(blank=True, max_length=limits.ADDRESS)
    postcode = models.CharField(max_length=10, blank=True)
    # Right to work
    right_to_work = models.CharField(max_length=20, choices=RightToWork.choices, blank=True)
    right_to_work_details = models.TextField(blank=True, max_length=limits.SHORT_ANSWER)
    # Professional registration
    swe_registration_number = models.CharField(
        "Social Work England registration number", max_length=10, blank=True
    )
    # Qualifications and employment history
    qualifications = models.TextField(blank=True, max_length=limits.LONG_ANSWER)
    employment_history = models.TextField(blank=True, max_length=limits.LONG_ANSWER)
    employment_gaps = models.TextField(
        "explanation of gaps in employment", blank=True, max_length=limits.SHORT_ANSWER
    )
    # Referees
    referee_1_name = models.CharField(max_length=120, blank=True)
    referee_1_email = models.EmailField(blank=True)
    referee_1_organisation = models.CharField(max_length=150, blank=True)
    referee_1_relationship = models.CharField(max_length=150, blank=True)
    referee_2_name = models.CharField(max_length=120, blank=True)
    referee_2_email = models.EmailField(blank=True)
    referee_2_organisation = models.CharField(max_length=150, blank=True)
    referee_2_relationship = models.CharField(max_length=150, blank=True)
    reference_consent = models.CharField(
        max_length=20, choices=ReferenceConsent.choices, blank=True
    )
    # Supporting statement and CV
    supporting_statement = models.TextField(blank=True, max_length=limits.STATEMENT)
    cv = models.FileField(
        "CV", storage=private_storage, upload_to=cv_upload_to, blank=True, max_length=200
    )
    cv_original_name = models.CharField(max_length=200, blank=True)
    # Declarations
    has_criminal_record_to_declare = models.BooleanField(null=True, blank=True)
    criminal_record_details = models.TextField(blank=True, max_length=limits.SHORT_ANSWER)
    conflicts_of_interest = models.TextField(blank=True, max_length=limits.SHORT_ANSWER)
    declaration_confirmed = models.BooleanField(default=False)
    # Reasonable adjustments
    interview_adjustments = models.TextField(blank=True, max_length=limits.SHORT_ANSWER)

    submitted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    withdrawal_reason = models.CharField(
        max_length=20, choices=WithdrawalReason.choices, blank=True
    )
    anonymised_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["vacancy", "candidate"], name="one_application_per_candidate_vacancy"
            )
        ]
        indexes = [models.Index(fields=["status"], name="application_status_idx")]
        permissions = [
            ("move_application", "Can move applications through the pipeline"),
            ("shortlist_application", "Can shortlist applications for their own vacancies"),
            ("view_recruitment_reports", "Can see recruitment reports"),
        ]

    def __str__(self):
        return f"{self.candidate_number} for {self.vacancy.reference}"

    def clean(self):
        # The reason is written with the withdrawal itself (services/transitions.py); the
        # admin form cannot leave one on a live application.
        from django.core.exceptions import ValidationError

        if self.withdrawal_reason and self.status != ApplicationStatus.WITHDRAWN:
            raise ValidationError(
                {
                    "withdrawal_reason": "Only a withdrawn application has a withdrawal reason. "
                    "The candidate or a recruiter withdraws it from the application's page."
                }
            )

    @property
    def candidate_number(self) -> str:
        """How anonymised shortlisting refers to the candidate."""
        return f"Candidate {self.pk:05d}" if self.pk else "New candidate"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_draft(self) -> bool:
        return self.status == ApplicationStatus.DRAFT

    @property
    def is_closed(self) -> bool:
        return self.status in TERMINAL_STATUSES


class ApplicationStatusChange(models.Model):
    """Who moved an application, when, from what to what, and why."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(max_length=20, choices=ApplicationStatus.choices)
    to_status = models.CharField(max_length=20, choices=ApplicationStatus.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)
    note = models.TextField(blank=True, max_length=limits.SHORT_ANSWER)
    candidate_notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class ShortlistingRecord(models.Model):
    """Shortlisting is complete for a vacancy: names are revealed to the hiring manager.

    Kept off the page model so publishing a new revision of the vacancy cannot undo it.
    """

    vacancy = models.OneToOneField(
        "vacancies.VacancyPage", on_delete=models.CASCADE, related_name="shortlisting"
    )
    completed_at = models.DateTimeField(default=timezone.now)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return f"Shortlisting complete for {self.vacancy_id}"


class InterviewSlot(models.Model):
    """A time a panel can interview one candidate for a vacancy."""

    vacancy = models.ForeignKey(
        "vacancies.VacancyPage", on_delete=models.CASCADE, related_name="interview_slots"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    location = models.CharField(max_length=200)
    application = models.OneToOneField(
        Application,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interview_slot",
    )

    class Meta:
        ordering = ["starts_at"]

    def __str__(self):
        return f"{timezone.localtime(self.starts_at):%d %b %Y %H:%M}, {self.location}"


class CheckKind(models.TextChoices):
    IDENTITY = "identity", "Identity and right to work"
    DBS = "dbs", "Enhanced DBS with the children's barred list"
    REFERENCES = "references", "Two references received and satisfactory"
    SWE = "swe", "Social Work England registration verified"
    QUALIFICATIONS = "qualifications", "Qualifications seen"
    HEALTH = "health", "Health clearance"


class CheckStatus(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    SATISFACTORY = "satisfactory", "Satisfactory"
    UNSATISFACTORY = "unsatisfactory", "Unsatisfactory"
    NOT_REQUIRED = "not_required", "Not required for this role"


class PreEmploymentCheck(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="checks")
    kind = models.CharField(max_length=20, choices=CheckKind.choices)
    status = models.CharField(
        max_length=20, choices=CheckStatus.choices, default=CheckStatus.OUTSTANDING
    )
    required = models.BooleanField(default=True)
    checked_on = models.DateField(null=True, blank=True)
    note = models.CharField(max_length=255, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["application", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["application", "kind"], name="one_check_per_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.get_status_display()}"

    @property
    def is_done(self) -> bool:
        return self.status == CheckStatus.SATISFACTORY or (
            not self.required and self.status == CheckStatus.NOT_REQUIRED
        )


class EqualityMonitoring(models.Model):
    """Optional equality-monitoring answers, stored apart from the application.

    While the application is a draft the answers are linked so the candidate can change
    them; on submission the link is cut and only the vacancy remains, so no shortlister,
    recruiter or report can tie the answers back to a person.
    """

    PREFER_NOT = "prefer_not", "Prefer not to say"

    class AgeBand(models.TextChoices):
        UNDER_25 = "under_25", "Under 25"
        FROM_25 = "25_34", "25 to 34"
        FROM_35 = "35_44", "35 to 44"
        FROM_45 = "45_54", "45 to 54"
        OVER_55 = "55_plus", "55 or over"
        PREFER_NOT = "prefer_not", "Prefer not to say"

    class Sex(models.TextChoices):
        FEMALE = "female", "Female"
        MALE = "male", "Male"
        PREFER_NOT = "prefer_not", "Prefer not to say"

    class Ethnicity(models.TextChoices):
        ASIAN = "asian", "Asian or Asian British"
        BLACK = "black", "Black, Black British, Caribbean or African"
        MIXED = "mixed", "Mixed or multiple ethnic groups"
        WHITE = "white", "White"
        OTHER = "other", "Another ethnic group"
        PREFER_NOT = "prefer_not", "Prefer not to say"

    class YesNo(models.TextChoices):
        YES = "yes", "Yes"
        NO = "no", "No"
        PREFER_NOT = "prefer_not", "Prefer not to say"

    vacancy = models.ForeignKey(
        "vacancies.VacancyPage", on_delete=models.CASCADE, related_name="equality_answers"
    )
    draft_application = models.OneToOneField(
        Application,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="equality_draft",
    )
    age_band = models.CharField(max_length=20, choices=AgeBand.choices, blank=True)
    sex = models.CharField(max_length=20, choices=Sex.choices, blank=True)
    ethnicity = models.CharField(max_length=20, choices=Ethnicity.choices, blank=True)
    disability = models.CharField(
        "disability or long-term condition", max_length=20, choices=YesNo.choices, blank=True
    )
    submitted_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "equality-monitoring answer"

    def __str__(self):
        return f"Equality answers for vacancy {self.vacancy_id}"
