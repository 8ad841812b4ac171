"""The workforce rules an administrator can change (DfE's agency rules, reminders)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="group")
class WorkforceSettings(BaseGenericSetting):
    """Agency rules and registration reminders held as data, not code.

    The Social Work England registration year itself (start day, renewal opening, CPD needed)
    is the academy's setting, shared so the two never disagree.
    """

    region = models.CharField(
        max_length=60,
        default="South East",
        help_text="The region whose agency price caps apply to this council.",
    )
    register_search_url = models.URLField(
        "Social Work England register search page",
        default="https://www.socialworkengland.org.uk/registration/search-the-register/",
        help_text="Where staff check a registration number by hand (there is no API).",
    )
    reminder_interval_days = models.PositiveSmallIntegerField(
        default=14, help_text="Remind people with CPD still to do this often during renewal."
    )
    minimum_pqe_years = models.PositiveSmallIntegerField(
        "minimum post-qualifying experience (years)", default=3
    )
    minimum_notice_weeks = models.PositiveSmallIntegerField(default=4)
    cooling_off_months = models.PositiveSmallIntegerField(
        default=3,
        help_text="Nobody who left a permanent post here less than this long ago may return "
        "as an agency worker without a recorded exception.",
    )
    maximum_hourly_rate = models.DecimalField(
        max_digits=6,
        decimal_places=2,
        default=200,
        help_text="Rates above this are refused as a typing error.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("region"),
                FieldPanel("minimum_pqe_years"),
                FieldPanel("minimum_notice_weeks"),
                FieldPanel("cooling_off_months"),
                FieldPanel("maximum_hourly_rate"),
            ],
            heading="Agency rules (DfE statutory guidance)",
        ),
        MultiFieldPanel(
            [FieldPanel("register_search_url"), FieldPanel("reminder_interval_days")],
            heading="Social Work England registration",
        ),
    ]

    class Meta:
        verbose_name = "workforce rules"
