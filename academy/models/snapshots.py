"""A monthly record of mandatory-training compliance, so the trend survives staff changes."""

from django.db import models
from django.utils import timezone


class ComplianceSnapshot(models.Model):
    """Mandatory training for one month and one group of staff (team × locality ×
    employment type). The current month's rows are refreshed daily; once the month is
    over they stay as they were."""

    month = models.DateField(help_text="The first day of the month.")
    team = models.ForeignKey(
        "accounts.Team", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    locality = models.ForeignKey(
        "accounts.Locality", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    employment_type = models.CharField(max_length=20)
    people = models.PositiveIntegerField(default=0)
    required = models.PositiveIntegerField(default=0)
    in_date = models.PositiveIntegerField(default=0)
    overdue = models.PositiveIntegerField(default=0)
    taken_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["month"]
        indexes = [models.Index(fields=["month", "team"])]

    def __str__(self):
        return f"Compliance {self.month:%B %Y}"
