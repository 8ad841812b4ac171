"""Certificates: issued for each completion, checkable by anyone with the code."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone


class Certificate(models.Model):
    """Proof of one completion. What it says (name, course, hours) is copied in when it is
    issued, so a later renamed course or person does not rewrite a certificate."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    completion = models.OneToOneField(
        "academy.Completion", on_delete=models.CASCADE, related_name="certificate"
    )
    course = models.ForeignKey(
        "academy.CoursePage", on_delete=models.CASCADE, related_name="certificates"
    )
    holder_name = models.CharField(max_length=300)
    course_title = models.CharField(max_length=255)
    completed_on = models.DateField()
    cpd_hours = models.DecimalField("CPD hours", max_digits=5, decimal_places=1, default=0)
    expires_on = models.DateField(null=True, blank=True)
    code = models.CharField(max_length=20, unique=True)
    issued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-completed_on", "-pk"]
        indexes = [models.Index(fields=["expires_on"])]

    def __str__(self):
        return f"{self.course_title} for {self.holder_name} ({self.display_code})"

    @property
    def display_code(self) -> str:
        return "-".join(self.code[n : n + 4] for n in range(0, len(self.code), 4))

    @property
    def holder_initials(self) -> str:
        return "".join(f"{part[0].upper()}." for part in self.holder_name.split() if part[:1])

    def is_expired(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.expires_on is not None and self.expires_on < today
