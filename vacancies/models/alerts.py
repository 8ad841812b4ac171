"""Job alerts (double opt-in e-mail) and saved vacancies."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class JobAlert(models.Model):
    class Frequency(models.TextChoices):
        DAILY = "daily", "Daily"
        WEEKLY = "weekly", "Weekly"

    email = models.EmailField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="job_alerts",
    )
    # The listing's query string (the same filters a shared search URL carries).
    query = models.CharField(max_length=500, blank=True)
    description = models.CharField(max_length=255, blank=True)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_frequency_display()} alert for {self.email}"


class JobAlertDelivery(models.Model):
    """A vacancy already sent by an alert: each match goes out once."""

    alert = models.ForeignKey(JobAlert, on_delete=models.CASCADE, related_name="deliveries")
    vacancy = models.ForeignKey("vacancies.VacancyPage", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["alert", "vacancy"], name="alert_sends_vacancy_once")
        ]

    def __str__(self):
        return f"Alert {self.alert_id} sent vacancy {self.vacancy_id}"


class SavedVacancy(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_vacancies"
    )
    vacancy = models.ForeignKey(
        "vacancies.VacancyPage", on_delete=models.CASCADE, related_name="saved_by"
    )
    created_at = models.DateTimeField(default=timezone.now)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["vacancy__closes_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "vacancy"], name="save_vacancy_once")
        ]
        verbose_name_plural = "saved vacancies"

    def __str__(self):
        return f"{self.user} saved {self.vacancy_id}"
