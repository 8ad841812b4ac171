"""Employment history: a staff profile's spells, one row per period in one post."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from accounts.models import EmploymentType, JobRole, Locality, StaffProfile, Team
from core import limits


class LeavingReason(models.TextChoices):
    CONVERSION = "conversion", "Converted to another employment type"
    MOVE = "move", "Moved to another post or team"
    RESIGNATION = "resignation", "Resigned"
    END_OF_CONTRACT = "end_of_contract", "Fixed-term contract ended"
    END_OF_ASSIGNMENT = "end_of_assignment", "Agency assignment ended"
    REDUNDANCY = "redundancy", "Redundancy"
    RETIREMENT = "retirement", "Retired"
    DISMISSAL = "dismissal", "Dismissed"
    OTHER = "other", "Other"


class EmploymentSpellQuerySet(models.QuerySet):
    def active_on(self, on=None):
        """Spells that cover the day `on` (today unless given)."""
        on = on or timezone.localdate()
        return self.filter(start_date__lte=on).filter(
            models.Q(end_date__isnull=True) | models.Q(end_date__gte=on)
        )

    def overlapping(self, start, end):
        """Spells sharing at least one day with [start, end] (end None: open-ended)."""
        spells = self.filter(models.Q(end_date__isnull=True) | models.Q(end_date__gte=start))
        if end is not None:
            spells = spells.filter(start_date__lte=end)
        return spells


class EmploymentSpell(models.Model):
    """One period in one post: who employed the person, how, where and for how long.

    Nothing here is overwritten when the person moves on: a hire, a conversion, a move and
    a leaver each end a spell or add one (workforce/services/employment.py).
    """

    profile = models.ForeignKey(StaffProfile, on_delete=models.CASCADE, related_name="spells")
    employment_type = models.CharField(max_length=20, choices=EmploymentType.choices)
    job_role = models.ForeignKey(JobRole, on_delete=models.PROTECT, related_name="spells")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="spells")
    locality = models.ForeignKey(
        Locality, null=True, blank=True, on_delete=models.SET_NULL, related_name="spells"
    )
    line_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_spells",
    )
    fte = models.DecimalField(
        "FTE",
        max_digits=3,
        decimal_places=2,
        default=Decimal("1.00"),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("1.00"))],
        help_text="Full-time equivalent, from 0.01 to 1.00.",
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    leaving_reason = models.CharField(
        "reason for leaving", max_length=20, choices=LeavingReason.choices, blank=True
    )
    leaving_note = models.TextField(
        "more about leaving", blank=True, max_length=limits.SHORT_ANSWER
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EmploymentSpellQuerySet.as_manager()

    class Meta:
        ordering = ["profile", "-start_date"]
        verbose_name = "employment spell"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="workforce_spell_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["profile"],
                condition=models.Q(end_date__isnull=True),
                name="workforce_one_open_spell_per_person",
            ),
        ]
        indexes = [models.Index(fields=["employment_type", "start_date", "end_date"])]

    def __str__(self):
        until = f" to {self.end_date:%-d %B %Y}" if self.end_date else ""
        return (
            f"{self.get_employment_type_display()} {self.job_role}, {self.team}, "
            f"from {self.start_date:%-d %B %Y}{until}"
        )

    @property
    def is_agency(self) -> bool:
        return self.employment_type == EmploymentType.AGENCY
