"""Social Work England registration: checks on the public register and renewals recorded."""

from django.conf import settings
from django.db import models

from accounts.models import StaffProfile
from core import limits


class RegistrationCheck(models.Model):
    """Someone looked the number up on Social Work England's public register."""

    class Outcome(models.TextChoices):
        REGISTERED = "registered", "Registered"
        CONDITIONS = "conditions", "Registered with conditions or a sanction"
        NOT_FOUND = "not_found", "Not found on the register"

    profile = models.ForeignKey(
        StaffProfile, on_delete=models.CASCADE, related_name="registration_checks"
    )
    registration_number = models.CharField(max_length=10)
    checked_on = models.DateField()
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    note = models.TextField(blank=True, max_length=limits.SHORT_ANSWER)

    class Meta:
        ordering = ["-checked_on", "-pk"]
        get_latest_by = "checked_on"

    def __str__(self):
        return f"{self.registration_number} checked {self.checked_on:%-d %B %Y}"


class RegistrationRenewal(models.Model):
    """The person renewed their registration for the year starting `year_start`."""

    profile = models.ForeignKey(
        StaffProfile, on_delete=models.CASCADE, related_name="registration_renewals"
    )
    year_start = models.DateField(help_text="First day of the registration year renewed for.")
    recorded_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-year_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "year_start"], name="workforce_one_renewal_per_year"
            )
        ]

    def __str__(self):
        return f"Renewed for the year from {self.year_start:%-d %B %Y}"
