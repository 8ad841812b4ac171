"""The shape of an assessed programme as data: when each point falls, what each requires,
how often supervision happens and how much development time is protected.

The ASYE (12 months) and the two-year early career programme from 2027 are two rows of
`ProgrammeTemplate`; a cohort names the template its NQSWs follow, so moving a cohort to
the new programme is a change of data.
"""

import datetime

from django.db import models
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable


def weeks_after(start: datetime.date, weeks: int) -> datetime.date:
    return start + datetime.timedelta(weeks=weeks)


class ProgrammeTemplate(ClusterableModel):
    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=150, unique=True, blank=True)
    summary = models.TextField(blank=True)
    programme = models.ForeignKey(
        "academy.Programme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="portfolio_templates",
        help_text="The academy programme NQSWs on this template are enrolled in.",
    )
    framework = models.ForeignKey(
        "portfolio.Framework", on_delete=models.PROTECT, related_name="templates"
    )
    duration_months = models.PositiveSmallIntegerField(default=12)
    agreement_due_week = models.PositiveSmallIntegerField(
        default=4,
        help_text="Weeks after the start by which the support and assessment agreement is agreed.",
    )
    protected_time_percent = models.PositiveSmallIntegerField(
        "protected development time (%)", default=10
    )
    completion_course = models.ForeignKey(
        "academy.CoursePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A confirmed pass is recorded as a completion of this course, if set.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("summary"),
        FieldPanel("programme"),
        FieldPanel("framework"),
        MultiFieldPanel(
            [
                FieldPanel("duration_months"),
                FieldPanel("agreement_due_week"),
                FieldPanel("protected_time_percent"),
                FieldPanel("completion_course"),
            ],
            heading="Length and support",
        ),
        InlinePanel("points", label="Assessment points"),
        InlinePanel("requirements", label="Evidence required"),
        InlinePanel("supervision_rhythm", label="Supervision rhythm"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "programme template"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)[:150]
        super().save(*args, **kwargs)

    def supervision_interval_weeks(self, week: int) -> int:
        """How many weeks apart supervision falls at this week of the programme."""
        for rule in self.supervision_rhythm.order_by("sort_order"):
            if rule.until_week is None or week < rule.until_week:
                return rule.every_weeks
        return 4


class AssessmentPoint(Orderable):
    class Kind(models.TextChoices):
        REVIEW = "review", "Review"
        FINAL = "final", "Final review and recommendation"

    template = ParentalKey(ProgrammeTemplate, related_name="points", on_delete=models.CASCADE)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REVIEW)
    title = models.CharField(max_length=150)
    due_week = models.PositiveSmallIntegerField(help_text="Weeks after the start.")
    opens_weeks_before = models.PositiveSmallIntegerField(
        default=0, help_text="It can be signed this many weeks before it is due."
    )
    is_optional = models.BooleanField(default=False)

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("due_week"),
        FieldPanel("opens_weeks_before"),
        FieldPanel("is_optional"),
    ]

    def __str__(self):
        return self.title

    def due_on(self, start: datetime.date) -> datetime.date:
        return weeks_after(start, self.due_week)

    def opens_on(self, start: datetime.date) -> datetime.date:
        return weeks_after(start, self.due_week - self.opens_weeks_before)


class EvidenceKind(models.TextChoices):
    OBSERVATION = "observation", "Direct observations"
    FEEDBACK_SUPPORTED = "feedback_supported", "Feedback from people supported"
    FEEDBACK_PROFESSIONAL = "feedback_professional", "Feedback from other professionals"
    SELF_ASSESSMENT = "self_assessment", "Self-assessments"
    CRITICAL_REFLECTION = "critical_reflection", "Critical reflection log entries"
    EVIDENCE = "evidence", "Evidence items"


class Requirement(Orderable):
    """At least `minimum` of one kind of evidence by `due_week`, before the recommendation."""

    template = ParentalKey(ProgrammeTemplate, related_name="requirements", on_delete=models.CASCADE)
    kind = models.CharField(max_length=30, choices=EvidenceKind.choices)
    minimum = models.PositiveSmallIntegerField(default=3)
    due_week = models.PositiveSmallIntegerField(
        help_text="Weeks after the start by which all of them should be in place."
    )

    panels = [FieldPanel("kind"), FieldPanel("minimum"), FieldPanel("due_week")]

    def __str__(self):
        return f"{self.minimum} × {self.get_kind_display().lower()}"


class SupervisionRule(Orderable):
    """Supervision every `every_weeks` weeks until `until_week` (empty: to the end)."""

    template = ParentalKey(
        ProgrammeTemplate, related_name="supervision_rhythm", on_delete=models.CASCADE
    )
    every_weeks = models.PositiveSmallIntegerField()
    until_week = models.PositiveSmallIntegerField(null=True, blank=True)

    panels = [FieldPanel("every_weeks"), FieldPanel("until_week")]

    def __str__(self):
        until = f" until week {self.until_week}" if self.until_week else ""
        return f"Every {self.every_weeks} weeks{until}"


class Cohort(models.Model):
    """NQSWs who start together and follow one template."""

    name = models.CharField(max_length=150, unique=True)
    template = models.ForeignKey(
        ProgrammeTemplate, on_delete=models.PROTECT, related_name="cohorts"
    )
    starts_on = models.DateField()

    panels = [FieldPanel("name"), FieldPanel("template"), FieldPanel("starts_on")]

    class Meta:
        ordering = ["-starts_on", "name"]

    def __str__(self):
        return self.name


class ModerationPanel(models.Model):
    """A sitting of the moderation panel the coordinator schedules and assigns portfolios to."""

    meets_on = models.DateField("date of the panel")
    where = models.CharField(max_length=150, help_text="For example, Civic Centre, room 3.")
    notes = models.TextField(blank=True)

    panels = [FieldPanel("meets_on"), FieldPanel("where"), FieldPanel("notes")]

    class Meta:
        ordering = ["-meets_on"]

    def __str__(self):
        return f"Moderation panel, {self.meets_on.day} {self.meets_on:%B %Y}"
