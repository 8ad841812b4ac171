from django.db import models
from wagtail.admin.panels import FieldPanel

from .mixins import ContentPage


class FosteringLandingPage(ContentPage):
    """Foster with us, at /fostering/.

    `subpage_types` is deliberately open: the fostering app adds its own page types
    (information events, the enquiry journey) under this page and restricts them with
    their own `parent_page_types`. Every page type in the portal declares its parents,
    so nothing unexpected can be created here.
    """

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        max_length=250, blank=True, help_text="Required when there is a hero image."
    )

    content_panels = ContentPage.content_panels[:2] + [
        FieldPanel("hero_image"),
        FieldPanel("hero_image_alt"),
        FieldPanel("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = None  # open on purpose; see the class docstring
    max_count = 1
    template = "cms/fostering_landing_page.html"
    whole_page_cache = False  # shows the next information events, which pass and fill up

    class Meta:
        verbose_name = "fostering section"

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            from django.core.exceptions import ValidationError

            raise ValidationError(
                {"hero_image_alt": "Describe the hero image for people who cannot see it."}
            )


class FosteringContentPage(ContentPage):
    """Why foster, types of fostering, who can foster, support and allowances, the steps
    to approval, questions, carers' stories."""

    parent_page_types = ["cms.FosteringLandingPage"]
    subpage_types = []
    template = "cms/fostering_content_page.html"

    class Meta:
        verbose_name = "fostering information page"
