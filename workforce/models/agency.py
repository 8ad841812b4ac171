"""The agency register under DfE's statutory guidance: agencies, assignments, compliance,
price caps and the two sign-offs an above-cap assignment needs before it starts."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from accounts.models import StaffProfile, Team
from core import limits

from .employment import EmploymentSpell


class DfeJobType(models.TextChoices):
    """The five job types DfE's caps and quarterly return use."""

    SOCIAL_WORKER = "social_worker", "Social worker"
    SENIOR_SOCIAL_WORKER = "senior_social_worker", "Senior social worker"
    ADVANCED_PRACTITIONER = (
        "advanced_practitioner",
        "Advanced practitioner (including assistant team manager and principal social worker)",
    )
    TEAM_MANAGER = "team_manager", "Team manager"
    IRO_CP_CHAIR = "iro_cp_chair", "Independent reviewing officer or child protection chair"


class Agency(models.Model):
    """A supplier of agency workers."""

    name = models.CharField(max_length=150, unique=True)
    contact_email = models.EmailField(blank=True)
    conduct_note = models.TextField(
        "conduct affecting compliance",
        blank=True,
        max_length=limits.SHORT_ANSWER,
        help_text="Anything this agency did that affected compliance (reported to DfE).",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self):
        return self.name


class PriceCap(models.Model):
    """DfE's maximum hourly charge for one job type in one region over a period."""

    region = models.CharField(max_length=60)
    job_type = models.CharField("DfE job type", max_length=30, choices=DfeJobType.choices)
    hourly_cap = models.DecimalField(
        max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    effective_from = models.DateField()
    effective_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["region", "job_type", "-effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(effective_to__isnull=True)
                | models.Q(effective_to__gte=models.F("effective_from")),
                name="workforce_cap_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.region}, {self.get_job_type_display()}: £{self.hourly_cap} an hour"


class ProjectTeam(models.Model):
    """A project team supplied by an agency; every worker in it has a named assignment."""

    name = models.CharField(max_length=150)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="project_teams")
    purpose = models.TextField(blank=True, max_length=limits.SHORT_ANSWER)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class AgencyAssignment(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        ACTIVE = "active", "Active"
        ENDED = "ended", "Ended"

    worker = models.ForeignKey(
        StaffProfile, on_delete=models.PROTECT, related_name="agency_assignments"
    )
    spell = models.ForeignKey(
        EmploymentSpell,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agency_assignments",
        help_text="The worker's agency employment spell this assignment belongs to.",
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="assignments")
    job_type = models.CharField("DfE job type", max_length=30, choices=DfeJobType.choices)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="agency_assignments")
    start_date = models.DateField()
    planned_end_date = models.DateField()
    end_date = models.DateField("actual end date", null=True, blank=True)
    notice_weeks = models.PositiveSmallIntegerField("notice period (weeks)")
    permanent_notice_weeks = models.PositiveSmallIntegerField(
        "notice period of the equivalent permanent post (weeks)",
        null=True,
        blank=True,
        help_text="Only if shorter than four weeks: the agency notice may then match it.",
    )
    hourly_rate = models.DecimalField("hourly pay rate (£)", max_digits=6, decimal_places=2)
    hours_per_week = models.DecimalField(max_digits=4, decimal_places=1, default=Decimal("37.0"))
    project_team = models.ForeignKey(
        ProjectTeam, null=True, blank=True, on_delete=models.PROTECT, related_name="assignments"
    )
    reason = models.TextField("reason for using an agency worker", max_length=limits.SHORT_ANSWER)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    # The cap as last checked (on creation and on every rate change).
    cap_checked = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    above_cap = models.BooleanField(default=False)
    dcs_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    dcs_signed_at = models.DateTimeField(null=True, blank=True)
    chief_executive_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    chief_executive_signed_at = models.DateTimeField(null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start_date", "pk"]
        permissions = [
            ("manage_agency_register", "Can keep the agency register and the DfE return"),
            ("sign_off_as_dcs", "Can sign off an above-cap assignment as the DCS"),
            (
                "sign_off_as_chief_executive",
                "Can sign off an above-cap assignment as the chief executive",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_end_date__gte=models.F("start_date")),
                name="workforce_assignment_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(hourly_rate__gt=0), name="workforce_assignment_rate_positive"
            ),
        ]

    def __str__(self):
        return f"{self.worker.user} with {self.agency} from {self.start_date:%-d %B %Y}"

    @property
    def last_day(self):
        return self.end_date or self.planned_end_date

    @property
    def fully_signed_off(self) -> bool:
        return bool(self.dcs_signed_at and self.chief_executive_signed_at)


class ComplianceRule(models.TextChoices):
    PQE = "pqe", "Three years' post-qualifying experience in child and family social work"
    REFERENCE = "reference", "Practice-based reference received before the start"
    NOTICE = "notice", "Notice period of at least four weeks (or the permanent post's)"
    COOLING_OFF = "cooling_off", "No permanent post here in the three months before"


class ComplianceCheck(models.Model):
    """One DfE rule for one assignment: met or an allowed exception, with evidence."""

    assignment = models.ForeignKey(
        AgencyAssignment, on_delete=models.CASCADE, related_name="compliance_checks"
    )
    rule = models.CharField(max_length=12, choices=ComplianceRule.choices)
    met = models.BooleanField()
    exception_reason = models.TextField(blank=True, max_length=limits.SHORT_ANSWER)
    evidence = models.TextField(max_length=limits.SHORT_ANSWER)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_on = models.DateField()

    class Meta:
        ordering = ["assignment", "rule"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "rule"], name="workforce_one_check_per_rule"
            )
        ]

    def __str__(self):
        return f"{self.get_rule_display()}: {'met' if self.met else 'exception'}"
