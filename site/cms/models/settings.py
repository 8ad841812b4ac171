from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="mail")
class SiteSettings(BaseSiteSetting):
    """Contact details, social links and footer text, edited under Settings."""

    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    fostering_email = models.EmailField(blank=True)
    postal_address = models.TextField(blank=True)
    footer_text = models.TextField(
        blank=True, help_text="A line or two under the footer links, e.g. the service name."
    )
    linkedin_url = models.URLField("LinkedIn", blank=True)
    facebook_url = models.URLField("Facebook", blank=True)
    instagram_url = models.URLField("Instagram", blank=True)
    youtube_url = models.URLField("YouTube", blank=True)
    x_url = models.URLField("X (Twitter)", blank=True)
    default_social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Used when a page has no social image of its own.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("fostering_email"),
                FieldPanel("postal_address"),
            ],
            heading="Contact details",
        ),
        MultiFieldPanel(
            [
                FieldPanel("linkedin_url"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("x_url"),
            ],
            heading="Social media",
        ),
        FieldPanel("footer_text"),
        FieldPanel("default_social_image"),
    ]

    class Meta:
        verbose_name = "site settings"

    def social_links(self):
        return [
            (label, url)
            for label, url in [
                ("LinkedIn", self.linkedin_url),
                ("Facebook", self.facebook_url),
                ("Instagram", self.instagram_url),
                ("YouTube", self.youtube_url),
                ("X", self.x_url),
            ]
            if url
        ]


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseSiteSetting):
    """The main menu in the header and the links in the footer, in the order given."""

    panels = [
        InlinePanel("main_menu_items", heading="Main menu", label="Menu item"),
        InlinePanel("footer_links", heading="Footer links", label="Footer link"),
    ]

    class Meta:
        verbose_name = "navigation menus"


class MenuLink(Orderable):
    link_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    link_url = models.CharField(
        "or an address", max_length=255, blank=True, help_text="For example /vacancies/"
    )
    link_text = models.CharField(max_length=60, blank=True, help_text="Defaults to page title.")

    panels = [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_text")]

    class Meta:
        abstract = True
        ordering = ["sort_order"]

    def clean(self):
        if not self.link_page_id and not self.link_url:
            raise ValidationError({"link_page": "Choose a page or enter an address."})
        if not self.link_page_id and not self.link_text:
            raise ValidationError({"link_text": "Give the link some text."})

    @property
    def text(self):
        return self.link_text or (self.link_page.title if self.link_page_id else self.link_url)

    def href(self, request=None):
        if self.link_page_id:
            return self.link_page.get_url(request)
        return self.link_url


class MainMenuItem(MenuLink):
    setting = ParentalKey(
        NavigationSettings, on_delete=models.CASCADE, related_name="main_menu_items"
    )


class FooterLink(MenuLink):
    setting = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="footer_links")
