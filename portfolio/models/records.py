"""A newly qualified social worker's portfolio and everything recorded in it.

Every record is signed when it is saved (reviews when the assessor signs them); a signed
record is locked, and a later correction is an `Addendum` that keeps the original.
"""

import secrets
import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone


def private_storage():
    return storages["private"]


def evidence_upload_to(instance, filename):
    # The file name the person chose is not trusted or kept in the path.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"portfolio/evidence/{uuid.uuid4().hex}.{extension}"


def new_panel_reference() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "P-" + "".join(secrets.choice(alphabet) for _ in range(6))


class Outcome(models.TextChoices):
    PASS = "pass", "Pass"
    FAIL = "fail", "Fail"
    EXTEND = "extend", "Extend"


class Portfolio(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        AWAITING_PANEL = "awaiting_panel", "Awaiting moderation panel"
        PASSED = "passed", "Passed"
        FAILED = "failed", "Not passed"
        EXTENDED = "extended", "Extended"

    nqsw = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portfolio"
    )
    cohort = models.ForeignKey(
        "portfolio.Cohort", on_delete=models.PROTECT, related_name="portfolios"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assessed_portfolios",
    )
    enrolment = models.OneToOneField(
        "academy.Enrolment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="portfolio",
    )
    starts_on = models.DateField()
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.IN_PROGRESS, db_index=True
    )
    panel = models.ForeignKey(
        "portfolio.ModerationPanel",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="portfolios",
        help_text="The panel that moderates this portfolio.",
    )
    # What the moderation panel sees instead of a name.
    panel_reference = models.CharField(max_length=12, unique=True, default=new_panel_reference)
    completed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["nqsw__last_name", "nqsw__first_name"]
        permissions = [
            ("assess_portfolio", "Assess the portfolios they are assessor for"),
            ("coordinate_portfolio", "See every portfolio in the cohort and export it"),
            ("moderate_portfolio", "Sit on the moderation panel (anonymised portfolios)"),
        ]

    def __str__(self):
        return f"Portfolio of {self.nqsw}"

    @property
    def template(self):
        return self.cohort.template

    @property
    def profile(self):
        return getattr(self.nqsw, "staff_profile", None)

    @property
    def line_manager(self):
        profile = self.profile
        return profile.line_manager if profile else None

    @property
    def is_closed(self) -> bool:
        return self.status in (self.Status.PASSED, self.Status.FAILED)


class SignedRecord(models.Model):
    """What every record shares: who wrote it, when it was signed, and its addenda."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    addenda = GenericRelation("portfolio.Addendum")

    class Meta:
        abstract = True

    @property
    def is_locked(self) -> bool:
        return self.signed_at is not None


class TaggedRecord(SignedRecord):
    items = models.ManyToManyField("portfolio.FrameworkItem", blank=True, related_name="+")

    class Meta:
        abstract = True


class Agreement(models.Model):
    """The support and assessment agreement: agreed when the NQSW, the assessor and the
    line manager have each confirmed it. Editing it clears the confirmations."""

    portfolio = models.OneToOneField(Portfolio, on_delete=models.CASCADE, related_name="agreement")
    supervision_plan = models.TextField(
        "supervision arrangements", help_text="Who supervises, how often and where."
    )
    protected_time = models.TextField(
        "protected development time", help_text="How the protected time will be used and when."
    )
    caseload = models.TextField(
        "protected caseload", help_text="The kind and size of caseload agreed for the year."
    )
    learning_needs = models.TextField("learning and development needs", blank=True)
    nqsw_confirmed_at = models.DateTimeField(null=True, blank=True)
    assessor_confirmed_at = models.DateTimeField(null=True, blank=True)
    manager_confirmed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    addenda = GenericRelation("portfolio.Addendum")

    def __str__(self):
        return "Support and assessment agreement"

    @property
    def is_agreed(self) -> bool:
        return all((self.nqsw_confirmed_at, self.assessor_confirmed_at, self.manager_confirmed_at))

    is_locked = is_agreed

    @property
    def agreed_at(self):
        return max(self.nqsw_confirmed_at, self.assessor_confirmed_at, self.manager_confirmed_at)


class SupervisionRecord(TaggedRecord):
    held_on = models.DateField("date of supervision")
    supervisor = models.CharField("supervised by", max_length=150)
    notes = models.TextField("what was discussed and agreed")
    reflection = models.TextField("your reflection", blank=True)

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"Supervision on {self.held_on:%-d %B %Y}"


class Reflection(TaggedRecord):
    class Kind(models.TextChoices):
        REFLECTION = "reflection", "Reflection"
        CRITICAL = "critical", "Critical reflection log entry"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REFLECTION)
    written_on = models.DateField()
    title = models.CharField(max_length=150)
    text = models.TextField("reflection")

    class Meta:
        ordering = ["-written_on", "-pk"]

    def __str__(self):
        return self.title


class SelfAssessment(TaggedRecord):
    class Stage(models.TextChoices):
        START = "start", "At the start"
        MIDDLE = "middle", "Halfway"
        END = "end", "At the end"

    stage = models.CharField(max_length=10, choices=Stage.choices)
    strengths = models.TextField()
    development = models.TextField("areas to develop")

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["portfolio", "stage"], name="portfolio_one_stage")
        ]

    def __str__(self):
        return f"Self-assessment: {self.get_stage_display().lower()}"


class Feedback(TaggedRecord):
    class Source(models.TextChoices):
        PERSON_SUPPORTED = "person_supported", "A person supported (child, young person or family)"
        PROFESSIONAL = "professional", "Another professional"

    source = models.CharField(max_length=20, choices=Source.choices)
    given_on = models.DateField()
    given_by = models.CharField(
        "who gave it", max_length=150, help_text="Their role or relationship, not their name."
    )
    text = models.TextField("the feedback")
    from_paper = models.BooleanField("typed in from a paper form", default=False)
    consent = models.BooleanField("consent to keep this feedback in the portfolio")

    class Meta:
        ordering = ["-given_on", "-pk"]
        verbose_name_plural = "feedback"

    def __str__(self):
        return f"Feedback from {self.given_by}"


class EvidenceItem(TaggedRecord):
    title = models.CharField(max_length=150)
    description = models.TextField("what it shows")
    document = models.FileField(
        storage=private_storage, upload_to=evidence_upload_to, blank=True, max_length=200
    )
    completion = models.ForeignKey(
        "academy.Completion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cpd_entry = models.ForeignKey(
        "academy.CpdEntry", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class Observation(TaggedRecord):
    observed_on = models.DateField("date of the observation")
    setting = models.CharField(max_length=200, help_text="For example, a home visit.")
    observed = models.TextField("what was observed")
    analysis = models.TextField("analysis against the framework")
    nqsw_reflection = models.TextField("the NQSW's reflection", blank=True)

    class Meta:
        ordering = ["observed_on", "pk"]

    def __str__(self):
        return f"Observation on {self.observed_on:%-d %B %Y}"


class Review(SignedRecord):
    class Progress(models.TextChoices):
        ON_TRACK = "on_track", "Making the progress expected"
        CONCERN = "concern", "Cause for concern"

    point = models.ForeignKey(
        "portfolio.AssessmentPoint", on_delete=models.PROTECT, related_name="reviews"
    )
    progress = models.CharField(max_length=10, choices=Progress.choices)
    summary = models.TextField("assessor's summary of progress")
    action_plan_check = models.TextField(
        "progress on the action plan", blank=True, help_text="Required when an action plan is open."
    )
    manager_comment = models.TextField("line manager's comments", blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["point__due_week"]
        constraints = [
            models.UniqueConstraint(fields=["portfolio", "point"], name="portfolio_one_review")
        ]

    def __str__(self):
        return str(self.point)


class ActionPlan(models.Model):
    """Opened by a cause for concern; the next review records how it went."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="action_plans")
    opened_by_review = models.OneToOneField(
        Review, on_delete=models.CASCADE, related_name="action_plan"
    )
    actions = models.TextField("what needs to change and the support given")
    review_by = models.DateField("check by")
    checked_by_review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.SET_NULL, related_name="checked_plans"
    )

    class Meta:
        ordering = ["review_by"]

    def __str__(self):
        return f"Action plan to check by {self.review_by:%-d %B %Y}"

    @property
    def is_open(self) -> bool:
        return self.checked_by_review_id is None


class Recommendation(SignedRecord):
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    summary = models.TextField("the reasons for the recommendation")
    domain_evidence = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["portfolio"], name="portfolio_one_recommendation")
        ]

    def __str__(self):
        return f"Recommendation: {self.get_outcome_display()}"


class PanelDecision(models.Model):
    portfolio = models.OneToOneField(
        Portfolio, on_delete=models.CASCADE, related_name="panel_decision"
    )
    recommendation = models.OneToOneField(
        Recommendation, on_delete=models.PROTECT, related_name="panel_decision"
    )
    confirmed = models.BooleanField(help_text="Whether the panel agreed with the recommendation.")
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    reasons = models.TextField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Panel decision: {self.get_outcome_display()}"


class Addendum(models.Model):
    """A dated correction or addition to a locked record; the original is kept as it was."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="addenda")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    text = models.TextField("addendum")
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["written_at"]
        verbose_name_plural = "addenda"

    def __str__(self):
        return f"Addendum of {self.written_at:%-d %B %Y}"
