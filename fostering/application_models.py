"""The online application to foster, after the initial home visit (imported by models.py).

One `FosteringApplication` per case. Each person applying is an `Applicant` (the enquirer,
and a joint applicant who joins through an invitation link). Answers are kept per section
(`ApplicationSection`): household sections once for the application, personal sections once
per applicant. The questions and their rules live in `application_sections.py`.
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


class FosteringApplication(models.Model):
    case = models.OneToOneField(
        "fostering.FosteringCase", on_delete=models.CASCADE, related_name="application"
    )
    invited_at = models.DateTimeField(default=timezone.now)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "application to foster"

    def __str__(self):
        return f"Application for {self.case.reference}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Applicant(models.Model):
    """Someone applying: the enquirer (lead) or a joint applicant."""

    class Role(models.TextChoices):
        LEAD = "lead", "Applicant"
        JOINT = "joint", "Joint applicant"

    application = models.ForeignKey(
        FosteringApplication, on_delete=models.CASCADE, related_name="applicants"
    )
    role = models.CharField(max_length=10, choices=Role.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fostering_applications",
    )
    name = models.CharField(max_length=150)
    email = models.EmailField()
    invitation_token = models.CharField(
        max_length=64, unique=True, default=new_invitation_token, editable=False
    )
    invited_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    # Their own declaration: when they signed it, and each consent with the words shown.
    declared_at = models.DateTimeField(null=True, blank=True)
    consents = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["pk"]  # the enquirer first: invited before anyone they invite
        constraints = [
            models.UniqueConstraint(fields=["application", "role"], name="fostering_one_per_role")
        ]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    @property
    def has_joined(self) -> bool:
        return self.user_id is not None

    def consent_list(self) -> list[dict]:
        """The consents as recorded, with the time each was agreed as a datetime."""
        return [
            {**consent, "agreed_at": datetime.datetime.fromisoformat(consent["agreed_at"])}
            for consent in self.consents
        ]


class ApplicationSection(models.Model):
    """The answers to one section: the household's (applicant empty) or one applicant's."""

    application = models.ForeignKey(
        FosteringApplication, on_delete=models.CASCADE, related_name="sections"
    )
    applicant = models.ForeignKey(
        Applicant, null=True, blank=True, on_delete=models.CASCADE, related_name="sections"
    )
    key = models.CharField(max_length=30)
    data = models.JSONField(default=dict, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "applicant", "key"],
                name="fostering_one_section_per_applicant",
                condition=models.Q(applicant__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["application", "key"],
                name="fostering_one_household_section",
                condition=models.Q(applicant__isnull=True),
            ),
        ]

    def __str__(self):
        return f"{self.key} for {self.application}"
