"""Continuing professional development records, in the shape Social Work England asks for."""

import datetime

from django.conf import settings
from django.db import models

from core import limits


class CpdType(models.TextChoices):
    COURSE = "course", "Course or training session"
    E_LEARNING = "e_learning", "E-learning"
    SUPERVISION = "supervision", "Reflective supervision"
    PEER_LEARNING = "peer_learning", "Peer learning or group reflection"
    READING = "reading", "Reading or research"
    SHADOWING = "shadowing", "Shadowing or observation"
    FEEDBACK = "feedback", "Feedback from people with lived experience"
    OTHER = "other", "Other learning activity"


class CpdEntry(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        READY = "ready", "Ready to record with Social Work England"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cpd_entries"
    )
    title = models.CharField(max_length=200)
    cpd_type = models.CharField("type of CPD", max_length=20, choices=CpdType.choices)
    activity_date = models.DateField("date of the activity")
    description = models.TextField(
        "description and why it is relevant",
        blank=True,
        max_length=limits.LONG_ANSWER,
        help_text="What you did, and why it matters to your practice.",
    )
    learning = models.TextField("what you learnt", blank=True, max_length=limits.LONG_ANSWER)
    impact = models.TextField(
        "impact on your practice and on people",
        blank=True,
        max_length=limits.LONG_ANSWER,
        help_text="How it changes what you do, and what difference that makes to children "
        "and families.",
    )
    peer_reflection = models.TextField(
        "reflection with a peer",
        blank=True,
        max_length=limits.LONG_ANSWER,
        help_text="Who you discussed it with (role, not name is fine) and what came of it.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    completion = models.OneToOneField(
        "academy.Completion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cpd_entry",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-activity_date", "-pk"]
        verbose_name = "CPD entry"
        verbose_name_plural = "CPD entries"

    def __str__(self):
        return self.title

    @property
    def is_peer_reflected(self) -> bool:
        return bool(self.peer_reflection.strip())

    def missing_fields(self) -> list[str]:
        names = ["description", "learning", "impact"]
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in names
            if not getattr(self, name).strip()
        ]


def registration_year(on: datetime.date, rules) -> tuple[datetime.date, datetime.date]:
    """The Social Work England registration year containing `on`, by the rules held as data."""
    start_this = datetime.date(on.year, rules.cpd_year_start_month, rules.cpd_year_start_day)
    start = start_this if on >= start_this else start_this.replace(year=on.year - 1)
    end = start.replace(year=start.year + 1) - datetime.timedelta(days=1)
    return start, end
