"""The framework evidence is mapped to, held as data an administrator edits.

The ASYE uses the nine domains of the Professional Capabilities Framework and the child and
family knowledge and skills statements; the early career standards replace them from April
2027. Each is one `Framework` with its items, so a new framework is data, not code.
"""

from django.db import models
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable


class Framework(ClusterableModel):
    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=150, unique=True, blank=True)
    summary = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("summary"), InlinePanel("items", label="Items")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)[:150]
        super().save(*args, **kwargs)

    def domains(self) -> list[str]:
        """The framework's groups in order (e.g. "PCF domain", "Knowledge and skills")."""
        seen = []
        for item in self.items.all():
            if item.group not in seen:
                seen.append(item.group)
        return seen


class FrameworkItem(Orderable):
    """One domain or statement evidence can be tagged to, e.g. "PCF 6 Critical Reflection"."""

    framework = ParentalKey(Framework, related_name="items", on_delete=models.CASCADE)
    group = models.CharField(
        max_length=100, help_text="Which part of the framework, e.g. “PCF domain”."
    )
    code = models.CharField(max_length=20, help_text="A short reference, e.g. “PCF 6”.")
    title = models.CharField(max_length=200)

    panels = [FieldPanel("group"), FieldPanel("code"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="portfolio_item_code")
        ]

    def __str__(self):
        return f"{self.code} {self.title}"
