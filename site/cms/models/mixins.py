from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import story_blocks
from core.pages import BasePage


class ContentPage(BasePage):
    """A page with a short introduction and a body built from the shared blocks."""

    intro = models.TextField(
        max_length=500, help_text="One or two sentences under the title, shown in listings."
    )
    body = StreamField(story_blocks(), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True

    def get_meta_description(self) -> str:
        return self.search_description or self.intro

    def child_pages(self):
        """Live, public children in menu order, as their own types (one query per type)."""
        return self.get_children().live().public().specific()
