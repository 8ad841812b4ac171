"""Reference data editors change without code: categories, practice strands, the PCF
domains and Knowledge and Skills Statement areas, and the academy's rules."""

from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class _Named(models.Model):
    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=150, unique=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)
        super().save(*args, **kwargs)


class CourseCategory(_Named):
    class Meta(_Named.Meta):
        verbose_name_plural = "course categories"


class PracticeStrand(_Named):
    """A strand of the practice framework, e.g. Motivational Interviewing."""

    summary = models.TextField(blank=True)


class PcfDomain(_Named):
    """One of the nine domains of the Professional Capabilities Framework."""

    class Meta(_Named.Meta):
        verbose_name = "PCF domain"


class KssArea(_Named):
    """An area of the Knowledge and Skills Statement for child and family practitioners."""

    class Meta(_Named.Meta):
        verbose_name = "KSS area"


@register_setting(icon="calendar")
class AcademySettings(BaseGenericSetting):
    """Booking rules and Social Work England's CPD registration-year rules, as data."""

    cancellation_cutoff_hours = models.PositiveIntegerField(
        default=48,
        help_text="Staff cannot cancel a place online this many hours before the start.",
    )
    offer_window_hours = models.PositiveIntegerField(
        default=48,
        help_text="How long a person offered a freed place has to accept it.",
    )
    renewal_window_days = models.PositiveSmallIntegerField(
        default=60,
        help_text="Staff can retake training that must be renewed this many days before "
        "their last completion expires.",
    )
    reminder_days = models.CharField(
        max_length=50,
        default="7,1",
        help_text="Send reminders this many days before a session (comma-separated).",
    )
    expiry_reminder_days = models.CharField(
        max_length=50,
        default="60,30,0",
        help_text="E-mail people (and, for mandatory training, their line managers) this "
        "many days before a certificate expires; 0 is the day itself (comma-separated).",
    )
    cpd_year_start_month = models.PositiveSmallIntegerField(
        default=12, help_text="Social Work England's registration year starts on this month…"
    )
    cpd_year_start_day = models.PositiveSmallIntegerField(default=1, help_text="…and day.")
    cpd_renewal_opens_month = models.PositiveSmallIntegerField(default=9)
    cpd_renewal_opens_day = models.PositiveSmallIntegerField(default=1)
    cpd_minimum_entries = models.PositiveSmallIntegerField(
        default=2, help_text="Pieces of CPD needed in a registration year to renew."
    )
    cpd_minimum_peer_reflected = models.PositiveSmallIntegerField(
        default=1, help_text="How many of them must have been reflected on with a peer."
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("cancellation_cutoff_hours"),
                FieldPanel("offer_window_hours"),
                FieldPanel("reminder_days"),
                FieldPanel("renewal_window_days"),
                FieldPanel("expiry_reminder_days"),
            ],
            heading="Booking and renewal",
        ),
        MultiFieldPanel(
            [
                FieldPanel("cpd_year_start_month"),
                FieldPanel("cpd_year_start_day"),
                FieldPanel("cpd_renewal_opens_month"),
                FieldPanel("cpd_renewal_opens_day"),
                FieldPanel("cpd_minimum_entries"),
                FieldPanel("cpd_minimum_peer_reflected"),
            ],
            heading="Social Work England CPD rules",
        ),
    ]

    class Meta:
        verbose_name = "academy settings"

    @classmethod
    def current(cls):
        return cls.load()

    def reminder_day_list(self) -> list[int]:
        return _day_list(self.reminder_days)

    def expiry_reminder_day_list(self) -> list[int]:
        return _day_list(self.expiry_reminder_days)


def _day_list(text: str) -> list[int]:
    days = {int(part) for part in text.split(",") if part.strip().isdigit()}
    return sorted(days, reverse=True)
