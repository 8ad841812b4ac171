"""The abstract page every page type builds on: SEO fields, social image, breadcrumbs."""

from django.db import models
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from core import json_ld


class BasePage(Page):
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared on social media (1200 × 630 works best).",
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title", heading="Search title"),
                FieldPanel("search_description", heading="Search description"),
                FieldPanel("social_image"),
                FieldPanel("show_in_menus"),
            ],
            heading="Search engines and sharing",
        )
    ]

    # Whether anonymous visitors may be served this page from the whole-page cache
    # (core/page_cache.py). Off for pages that show what changes without an editor:
    # places left, the next session or event, per-visitor progress.
    whole_page_cache = True

    class Meta:
        abstract = True

    @cached_property
    def breadcrumbs(self):
        """Ancestors from the home page down, excluding this page (one query)."""
        return list(self.get_ancestors().filter(depth__gt=1).specific(defer=True))

    def breadcrumb_json_ld(self, request=None) -> str:
        items = [*self.breadcrumbs, self]
        data = {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "name": page.title,
                    "item": page.get_full_url(request),
                }
                for position, page in enumerate(items, start=1)
            ],
        }
        return json_ld.dumps(data)

    def get_meta_description(self) -> str:
        return self.search_description or ""

    def get_meta_title(self) -> str:
        return self.seo_title or self.title
