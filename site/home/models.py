from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField

from core.blocks import story_blocks
from core.blocks.lists import CardBlock
from core.pages import BasePage


class HomePage(BasePage):
    """The front door: routes into working, fostering and the academy, the latest
    vacancies (contributed by the vacancies app to the "home" section slot) and news.

    `subpage_types` is left open: each domain app (vacancies, fostering, academy) adds
    its section page here and declares this page as its parent."""

    hero_heading = models.CharField(max_length=120)
    hero_text = models.TextField(max_length=400)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_image_alt = models.CharField(
        max_length=250, blank=True, help_text="Required when there is a hero image."
    )
    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul"])
    routes = StreamField(
        [("route", CardBlock())],
        blank=True,
        max_num=6,
        help_text="The main ways in: work with us, foster with us, our academy.",
    )
    body = StreamField(story_blocks(), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
            ],
            heading="Hero",
        ),
        FieldPanel("intro"),
        FieldPanel("routes"),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = None  # open on purpose; see the class docstring
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError(
                {"hero_image_alt": "Describe the hero image for people who cannot see it."}
            )

    def latest_news(self, count=3):
        from cms.models import NewsArticlePage

        return NewsArticlePage.objects.live().public().order_by("-date", "-pk")[:count]

    def get_meta_description(self) -> str:
        return self.search_description or self.hero_text
