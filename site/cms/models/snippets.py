from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index


class StaffStory(WorkflowMixin, DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    """A "day in the life": what someone who works or fosters with us does and why.

    Stories are composites written with the people concerned; the name shown is the
    first name they chose to use. A story shows a real person's words and face, so it
    goes through the same approval as a page: editors submit, administrators publish."""

    name = models.CharField(max_length=60, help_text="First name only.")
    role = models.CharField(max_length=120, help_text="For example: Senior social worker, East")
    quote = models.CharField(max_length=300, help_text="One line that sums the story up.")
    story = RichTextField(features=["bold", "italic", "link", "ol", "ul"])
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image_alt = models.CharField(
        max_length=250, blank=True, help_text="Required when there is an image."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("quote"),
        FieldPanel("story"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("role")]

    class Meta:
        verbose_name = "staff story"
        verbose_name_plural = "staff stories"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.role}"

    def clean(self):
        if self.image_id and not self.image_alt.strip():
            from django.core.exceptions import ValidationError

            raise ValidationError({"image_alt": "Describe the image for people who cannot see it."})
