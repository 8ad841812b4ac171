"""Fostering: information events, enquiries (cases), households, checks and training."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from core import limits
from core.booking import BookableSession, BookingBase, one_active_booking_per

from .pipeline import CLOSED, WHAT_NEXT, Recommendation, Stage, path_for


@register_setting(icon="time")
class FosteringRules(BaseGenericSetting):
    """The regulated clocks and retention period, editable by an administrator."""

    enquiry_reply_working_days = models.PositiveSmallIntegerField(
        default=1, help_text="Reply to a new enquiry within this many working days."
    )
    first_visit_working_days = models.PositiveSmallIntegerField(
        default=5, help_text="Visit the household within this many working days of the enquiry."
    )
    panel_recommendation_months = models.PositiveSmallIntegerField(
        default=8,
        help_text="Panel recommendation within this many months of the application "
        "(Fostering National Minimum Standard 14).",
    )
    panel_papers_working_days = models.PositiveSmallIntegerField(
        default=5, help_text="Panel papers go out at least this many working days before panel."
    )
    agency_decision_working_days = models.PositiveSmallIntegerField(
        default=7, help_text="Agency decision within this many working days of the minutes."
    )
    at_risk_working_days = models.PositiveSmallIntegerField(
        default=1,
        help_text="A clock turns “at risk” when fewer than this many working days are left "
        "before its deadline (1 means on the day it falls due).",
    )
    panel_at_risk_days = models.PositiveSmallIntegerField(
        default=28,
        help_text="The 8-month clock counts as at risk when this many calendar days are left.",
    )
    review_request_days = models.PositiveSmallIntegerField(
        default=28,
        help_text="Applicants who are not approved may ask the Independent Review Mechanism "
        "to look again (or write to the agency) within this many days of the letter.",
    )
    team_inbox = models.EmailField(
        blank=True,
        help_text="The daily alert about cases at risk with no assessing social worker yet "
        "(new enquiries, mostly) goes here. Left empty, it goes to everyone in the fostering "
        "team.",
    )
    stage_two_decision_working_days = models.PositiveSmallIntegerField(
        default=10,
        help_text="Tell the applicants whether they can go on to Stage 2 within this many "
        "working days of the last Stage 1 check.",
    )
    personal_referees_required = models.PositiveSmallIntegerField(
        default=2,
        help_text="Personal referees each application must name (not relatives, not anyone "
        "in the household).",
    )
    address_history_years = models.PositiveSmallIntegerField(
        default=5,
        help_text="Applicants list their addresses for this many years, with no gaps (for the "
        "local authority checks).",
    )
    reference_link_weeks = models.PositiveSmallIntegerField(
        default=12, help_text="A referee's online form link works for this many weeks."
    )
    reference_reminder_days = models.PositiveSmallIntegerField(
        default=7, help_text="Remind a referee who has not answered after this many days."
    )
    retention_days_after_closure = models.PositiveSmallIntegerField(
        default=365,
        help_text="Withdrawn and not-progressed enquiries are anonymised this many days "
        "after they closed.",
    )

    class Meta:
        verbose_name = "fostering clocks and retention"


class BankHoliday(models.Model):
    """A day that is not a working day, for the clocks' working-day arithmetic."""

    date = models.DateField(unique=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["date"]

    def __str__(self):
        return f"{self.name} ({self.date:%-d %B %Y})"


# --- Information events -----------------------------------------------------


class InformationEvent(BookableSession):
    """An information event about fostering, online or in person, open to anyone."""

    class Format(models.TextChoices):
        ONLINE = "online", "Online"
        IN_PERSON = "in_person", "In person"

    title = models.CharField(max_length=150)
    format = models.CharField(max_length=20, choices=Format.choices)
    summary = models.TextField(blank=True)
    venue = models.TextField(blank=True, help_text="Address, for an event in person.")
    area = models.CharField(
        max_length=100, blank=True, help_text='Shown to everyone, e.g. "Shirley, Southampton".'
    )
    joining_link = models.URLField(
        blank=True, help_text="For an online event. Sent only to the people who booked."
    )

    class Meta:
        ordering = ["starts_at"]

    def __str__(self):
        return f"{self.title}, {timezone.localtime(self.starts_at):%-d %B %Y %H:%M}"

    @property
    def public_place(self) -> str:
        if self.format == self.Format.ONLINE:
            return "Online (the joining link is sent when you book)"
        return self.area or "Southampton"


def new_booking_link_token() -> str:
    return secrets.token_urlsafe(24)


class EventBooking(BookingBase):
    """A place at an information event. No account needed."""

    session = models.ForeignKey(InformationEvent, on_delete=models.CASCADE, related_name="bookings")
    name = models.CharField(max_length=150)
    email = models.EmailField()
    phone = models.CharField(max_length=30, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    # The booker's link to see or cancel their place: random, so it tells nobody who
    # booked (the link travels in e-mails, browser histories and proxy logs).
    link_token = models.CharField(
        max_length=64, unique=True, default=new_booking_link_token, editable=False
    )

    class Meta(BookingBase.Meta):
        constraints = [one_active_booking_per("email")]

    def __str__(self):
        return f"{self.name} at {self.session}"


# --- Cases ------------------------------------------------------------------


class FosteringType(models.TextChoices):
    SHORT_TERM = "short_term", "Short-term"
    LONG_TERM = "long_term", "Long-term"
    EMERGENCY = "emergency", "Emergency"
    SHORT_BREAKS = "short_breaks", "Short breaks"
    PARENT_AND_CHILD = "parent_and_child", "Parent and child"
    NOT_SURE = "not_sure", "Not sure yet"


class EnquirySource(models.TextChoices):
    INFORMATION_EVENT = "information_event", "An information event"
    WEBSITE = "website", "The council website or a search engine"
    SOCIAL_MEDIA = "social_media", "Social media"
    FRIEND = "friend", "A friend, relative or foster carer"
    ADVERT = "advert", "An advert (radio, bus, poster)"
    SCHOOL_OR_WORK = "school_or_work", "School, work or a community group"
    OTHER = "other", "Somewhere else"


class SpareBedroom(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    SOON = "soon", "Not yet, but there will be"


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(stage__in=CLOSED)


def new_reference() -> str:
    return "FC-" + secrets.token_hex(3).upper()


# The columns the public enquiry form fills in (the form, and a repeated enquiry merged
# into an open case, both read this list).
ENQUIRY_FIELDS = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "preferred_call_time",
    "postcode",
    "household",
    "spare_bedroom",
    "fostering_types",
    "source",
    "consent_to_contact",
]


class FosteringCase(models.Model):
    """One household's journey from first enquiry to approval (or closure)."""

    reference = models.CharField(max_length=12, unique=True, default=new_reference)
    # What the enquiry form asks, and nothing more.
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    email = models.EmailField(db_index=True)
    phone = models.CharField(max_length=30)
    preferred_call_time = models.CharField(max_length=150, blank=True)
    postcode = models.CharField(max_length=10)
    household = models.TextField(
        blank=True,
        max_length=limits.SHORT_ANSWER,
        help_text="Who lives at home, as the enquirer described it.",
    )
    spare_bedroom = models.CharField(max_length=10, choices=SpareBedroom.choices)
    fostering_types = models.JSONField(default=list, blank=True)
    source = models.CharField(max_length=30, choices=EnquirySource.choices)
    consent_to_contact = models.BooleanField(default=False)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fostering_cases",
        help_text="The enquirer's account, linked by their verified e-mail address.",
    )
    stage = models.CharField(
        max_length=30, choices=Stage.choices, default=Stage.ENQUIRY, db_index=True
    )
    closed_reason = models.CharField(max_length=255, blank=True)
    enquired_at = models.DateTimeField(default=timezone.now, db_index=True)
    stage_changed_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    assessing_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assessed_fostering_cases",
        verbose_name="assessing social worker",
    )
    supervising_team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Dates the clocks run from.
    application_received_on = models.DateField(null=True, blank=True)
    panel_date = models.DateField(null=True, blank=True)
    panel_papers_sent_on = models.DateField(null=True, blank=True)
    panel_minutes_received_on = models.DateField(null=True, blank=True)
    # The facts the pipeline's gates read (see pipeline.GATES).
    stage_one_completed_on = models.DateField(
        "last Stage 1 check completed on",
        null=True,
        blank=True,
        help_text="Kept by the services: the day the last Stage 1 check was completed.",
    )
    assessment_completed_on = models.DateField(
        "assessment (Form F) completed on", null=True, blank=True
    )
    panel_recommendation = models.CharField(
        "panel's recommendation", max_length=20, choices=Recommendation.choices, blank=True
    )
    agency_decision = models.CharField(
        "agency decision maker's decision",
        max_length=20,
        choices=Recommendation.choices,
        blank=True,
        help_text="After an independent review, the final decision.",
    )
    anonymised_at = models.DateTimeField(null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-enquired_at"]
        verbose_name = "fostering case"
        permissions = [
            ("override_case_gate", "Move a fostering case past an unmet gate, with a reason")
        ]

    def __str__(self):
        return f"{self.reference} {self.full_name}"

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_closed(self):
        return self.stage in CLOSED

    @property
    def what_next(self):
        text = WHAT_NEXT[self.stage]
        if "{review_days}" in text:
            text = text.format(review_days=FosteringRules.load().review_request_days)
        return text

    def decision_reason(self) -> str:
        """Why the decision maker did not approve, while that decision is open to review."""
        if self.stage not in {Stage.NOT_APPROVED, Stage.IRM_REQUESTED, Stage.IRM_RECOMMENDATION}:
            return ""
        move = self.moves.filter(to_stage=Stage.NOT_APPROVED).order_by("-at", "-pk").first()
        return move.note if move else ""

    def journey(self):
        """Each stage of the journey with whether this case has reached it."""
        reached = {self.stage} | set(self.moves.values_list("to_stage", flat=True))
        path = path_for(self.stage, reached)
        current = path.index(self.stage) if self.stage in path else -1
        return [
            {
                "stage": stage,
                "label": stage.label,
                "done": (current >= 0 and i < current) or (current < 0 and stage in reached),
                "current": stage == self.stage,
            }
            for i, stage in enumerate(path)
        ]

    def fostering_type_labels(self):
        labels = dict(FosteringType.choices)
        return [labels.get(value, value) for value in self.fostering_types]


class StageMove(models.Model):
    """A move along the pipeline: who made it, when, from where to where, and why."""

    case = models.ForeignKey(FosteringCase, on_delete=models.CASCADE, related_name="moves")
    from_stage = models.CharField(max_length=30, choices=Stage.choices)
    to_stage = models.CharField(max_length=30, choices=Stage.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)
    note = models.TextField(blank=True, max_length=limits.SHORT_ANSWER)
    # An administrator's override of an unmet gate: what was missing, and why they went on.
    overridden = models.JSONField(default=list, blank=True)
    override_reason = models.TextField(blank=True, max_length=limits.SHORT_ANSWER)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        moved = f"{self.get_from_stage_display()} → {self.get_to_stage_display()}"
        return f"{self.case.reference}: {moved}"


class CaseNote(models.Model):
    case = models.ForeignKey(FosteringCase, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    text = models.TextField(max_length=limits.LONG_ANSWER)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"Note on {self.case.reference}"


class HouseholdMember(models.Model):
    """Someone who lives in (or is a regular part of) the fostering household."""

    class Relationship(models.TextChoices):
        APPLICANT = "applicant", "Applicant"
        PARTNER = "partner", "Joint applicant or partner"
        CHILD = "child", "Child of the family"
        ADULT_CHILD = "adult_child", "Adult son or daughter"
        OTHER_ADULT = "other_adult", "Other adult in the household"
        VISITOR = "visitor", "Regular overnight visitor"

    case = models.ForeignKey(FosteringCase, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(max_length=150)
    relationship = models.CharField(max_length=20, choices=Relationship.choices)
    date_of_birth = models.DateField(null=True, blank=True)
    is_adult = models.BooleanField(default=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.name} ({self.get_relationship_display()})"


class CheckType(models.TextChoices):
    DBS = "dbs", "Enhanced DBS"
    MEDICAL = "medical", "Medical"
    LOCAL_AUTHORITY = "local_authority", "Local authority checks"
    REFERENCE = "reference", "Personal reference"
    EMPLOYER = "employer", "Employer reference"
    FORMER_PARTNER = "former_partner", "Former partner"
    HOME_SAFETY = "home_safety", "Home safety check"


# Checks every adult in the household needs; applicants need the rest as well.
CHECKS_FOR_EVERY_ADULT = [CheckType.DBS, CheckType.LOCAL_AUTHORITY]
CHECKS_FOR_APPLICANTS = [
    CheckType.MEDICAL,
    CheckType.REFERENCE,
    CheckType.REFERENCE,
    CheckType.EMPLOYER,
    CheckType.FORMER_PARTNER,
]


class Stage1Check(models.Model):
    """One Stage 1 check, for one household member (or the home, for a home safety check)."""

    class Outcome(models.TextChoices):
        PENDING = "pending", "Waiting"
        SATISFACTORY = "satisfactory", "Satisfactory"
        CONCERN = "concern", "Concern raised"
        NOT_APPLICABLE = "not_applicable", "Does not apply"

    case = models.ForeignKey(FosteringCase, on_delete=models.CASCADE, related_name="checks")
    member = models.ForeignKey(
        HouseholdMember, null=True, blank=True, on_delete=models.CASCADE, related_name="checks"
    )
    check_type = models.CharField(max_length=20, choices=CheckType.choices)
    detail = models.CharField(
        max_length=200, blank=True, help_text="e.g. the referee or employer's name."
    )
    requested_on = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.PENDING)
    notes = models.TextField(blank=True, max_length=limits.SHORT_ANSWER)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who in the team chases this check (the case's worker, to begin with).",
    )

    class Meta:
        ordering = ["member_id", "check_type", "pk"]
        verbose_name = "Stage 1 check"

    def __str__(self):
        who = self.member.name if self.member else "household"
        return f"{self.get_check_type_display()} for {who}"


# --- Preparation training ("Skills to Foster") ------------------------------------


class PreparationSession(BookableSession):
    """A Skills to Foster preparation training session for prospective foster carers."""

    title = models.CharField(max_length=150, default="Skills to Foster")
    venue = models.TextField()
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self):
        return f"{self.title}, {timezone.localtime(self.starts_at):%-d %B %Y}"


class PreparationBooking(BookingBase):
    """A household's place on a preparation session, with their attendance."""

    session = models.ForeignKey(
        PreparationSession, on_delete=models.CASCADE, related_name="bookings"
    )
    case = models.ForeignKey(
        FosteringCase, on_delete=models.CASCADE, related_name="training_bookings"
    )

    class Meta(BookingBase.Meta):
        constraints = [one_active_booking_per("case")]

    def __str__(self):
        return f"{self.case.reference} on {self.session}"


class ClockAlert(models.Model):
    """That the assigned worker was told about a case's clocks on a given day (idempotence)."""

    case = models.ForeignKey(FosteringCase, on_delete=models.CASCADE, related_name="alerts")
    sent_on = models.DateField()
    summary = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "sent_on"], name="fostering_one_alert_per_day")
        ]

    def __str__(self):
        return f"Clock alert for {self.case.reference} on {self.sent_on}"


from .application_models import (  # noqa: E402, F401  (models defined in their own module)
    Applicant,
    ApplicationSection,
    FosteringApplication,
)
