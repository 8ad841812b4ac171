"""Programmes held as data: an ordered set of courses and milestones over time.

The newly qualified programme (ASYE) is one row here, not code, so the two-year Early
Career Development Programme can replace it in 2027 by editing data.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable


class Programme(ClusterableModel):
    class Enrols(models.TextChoices):
        NOBODY = "", "Nobody automatically"
        EVERY_NEW_STARTER = "every_new_starter", "Every new starter"
        NEWLY_QUALIFIED = "newly_qualified", "Newly qualified social workers"

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=150, unique=True, blank=True)
    summary = models.TextField(blank=True)
    duration_months = models.PositiveSmallIntegerField(default=12)
    auto_enrol = models.CharField(
        max_length=30,
        choices=Enrols.choices,
        blank=True,
        help_text="Who is enrolled automatically when their staff record is created.",
    )
    is_active = models.BooleanField(
        default=True, help_text="Retired programmes keep their history but enrol nobody."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("summary"),
        FieldPanel("duration_months"),
        FieldPanel("auto_enrol"),
        FieldPanel("is_active"),
        InlinePanel("steps", label="Steps"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)
        super().save(*args, **kwargs)


class ProgrammeStep(Orderable):
    class Kind(models.TextChoices):
        COURSE = "course", "Course"
        SUPERVISION = "supervision", "Supervision"
        REVIEW = "review", "Review"
        MILESTONE = "milestone", "Milestone"

    programme = ParentalKey(Programme, related_name="steps", on_delete=models.CASCADE)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=150)
    description = models.TextField(blank=True)
    course = models.ForeignKey(
        "academy.CoursePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_week = models.PositiveSmallIntegerField(
        default=0, help_text="Weeks after the start of the programme when this falls due."
    )
    repeat_every_weeks = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="For a rhythm, e.g. supervision every 2 weeks."
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("course"),
        FieldPanel("due_week"),
        FieldPanel("repeat_every_weeks"),
    ]

    def __str__(self):
        return self.title

    def due_on(self, start: datetime.date) -> datetime.date:
        return start + datetime.timedelta(weeks=self.due_week)


class Enrolment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="academy_enrolments"
    )
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="enrolments")
    starts_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["user", "programme"], name="academy_one_enrolment")
        ]

    def __str__(self):
        return f"{self.user} on {self.programme}"

    def course_progress(self) -> str:
        from academy.services.enrolment import course_steps_done

        done, total = course_steps_done(self)
        return f"{done} of {total} courses" if total else "No courses"

    course_progress.short_description = "Course steps done"
