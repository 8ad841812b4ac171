"""Sessions of a course, bookings on them, and what attending them leads to."""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.utils import timezone

from core.booking import BookableSession, BookingBase, BookingStatus, one_active_booking_per


class TrainingSession(BookableSession):
    course = models.ForeignKey(
        "academy.CoursePage", on_delete=models.CASCADE, related_name="sessions"
    )
    venue = models.CharField(max_length=200, blank=True, help_text="Blank for online sessions.")
    online_link = models.URLField(
        blank=True, help_text="Shown only to people who hold a place on the session."
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions_delivered",
        limit_choices_to={"groups__name": "trainer"},
    )
    needs_approval = models.BooleanField(
        "needs line-manager approval",
        default=False,
        help_text="Bookings wait for the person's line manager to approve them.",
    )
    notes = models.TextField(blank=True, help_text="What to bring, parking, access needs.")

    class Meta:
        ordering = ["starts_at"]
        permissions = [
            ("take_register", "Can take the attendance register"),
            ("view_reports", "Can see the academy's L&D reports"),
        ]

    def __str__(self):
        local = timezone.localtime(self.starts_at)
        return f"{self.course.title}, {local:%-d %b %Y %H:%M}"

    @property
    def is_online(self):
        return bool(self.online_link) and not self.venue

    def where(self) -> str:
        return self.venue or "Online"


class Booking(BookingBase):
    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="bookings")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_bookings"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The manager who approved or declined, or the trainer who took the register.",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(max_length=300, blank=True)

    class Meta(BookingBase.Meta):
        constraints = [one_active_booking_per("user")]
        permissions = [("approve_booking", "Can approve their team's bookings")]

    def __str__(self):
        return f"{self.user} – {self.session} ({self.get_status_display()})"

    @property
    def is_upcoming(self):
        return self.session.starts_at > timezone.now()

    @property
    def can_see_joining_details(self):
        return self.status in {BookingStatus.CONFIRMED, BookingStatus.ATTENDED}


class BookingNotice(models.Model):
    """An e-mail sent about a booking; the unique key makes every sender idempotent."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=40)
    key = models.CharField(max_length=60, blank=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["booking", "kind", "key"], name="academy_notice_once")
        ]

    def __str__(self):
        return f"{self.kind} for booking {self.booking_id}"


class Completion(models.Model):
    class Source(models.TextChoices):
        ATTENDANCE = "attendance", "Attended a session"
        E_LEARNING = "e_learning", "Completed the e-learning"
        RECORDED = "recorded", "Recorded by L&D"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_completions"
    )
    course = models.ForeignKey(
        "academy.CoursePage", on_delete=models.CASCADE, related_name="completions"
    )
    completed_on = models.DateField()
    source = models.CharField(max_length=20, choices=Source.choices)
    booking = models.OneToOneField(
        Booking, null=True, blank=True, on_delete=models.CASCADE, related_name="completion"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_on"]
        indexes = [models.Index(fields=["user", "course", "completed_on"])]

    def __str__(self):
        return f"{self.user} completed {self.course} on {self.completed_on:%-d %b %Y}"

    def expires_on(self) -> datetime.date | None:
        months = self.course.renewal_months
        if not months:
            return None
        return self.completed_on + relativedelta(months=months)


class ModuleProgress(models.Model):
    """A staff member finished one e-learning module. While `completion` is empty the row
    counts towards the attempt in progress; finishing the course links the attempt's rows
    to its completion, so a course that must be renewed can be taken again."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="elearning_progress"
    )
    module = models.ForeignKey(
        "academy.ELearningModulePage", on_delete=models.CASCADE, related_name="progress"
    )
    completed_at = models.DateTimeField(default=timezone.now)
    completion = models.ForeignKey(
        Completion,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="module_progress",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module"],
                condition=models.Q(completion__isnull=True),
                name="academy_module_once_per_attempt",
            )
        ]

    def __str__(self):
        return f"{self.user} finished {self.module}"


class TrainingNotice(models.Model):
    """An e-mail about a person's mandatory training (renewal due, expired); the unique
    key makes the sender idempotent, as BookingNotice does for bookings."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_notices"
    )
    course = models.ForeignKey(
        "academy.CoursePage", on_delete=models.CASCADE, related_name="training_notices"
    )
    kind = models.CharField(max_length=40)
    key = models.CharField(max_length=60, blank=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course", "kind", "key"], name="academy_training_notice_once"
            )
        ]

    def __str__(self):
        return f"{self.kind} for {self.user} on {self.course_id}"


class CalendarFeed(models.Model):
    """A person's calendar feed address. Resetting it bumps the version, which every
    address signed with an older version carries, so old addresses stop working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    version = models.PositiveIntegerField(default=0)
    reset_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Calendar feed of {self.user}"


def _private_storage():
    from django.core.files.storage import storages

    return storages["private"]


class ReportExport(models.Model):
    """A large spreadsheet built in the background for an L&D lead to download."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="academy_exports"
    )
    report = models.CharField(max_length=30)
    params = models.JSONField(default=dict, blank=True)
    file = models.FileField(storage=_private_storage, upload_to="academy-reports/", blank=True)
    rows = models.PositiveIntegerField(null=True, blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.report} export for {self.requested_by}"
