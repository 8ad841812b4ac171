"""Factories for the public site's pages, shared by the tests and the demo data.

Pages are looked up by parent and slug before being created, so the demo seed can run
any number of times without adding anything.
"""

import io

import factory
import wagtail_factories
from django.core.files.images import ImageFile
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection

from . import models


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    intro = factory.LazyAttribute(lambda obj: f"An introduction to {obj.title.lower()}.")
    body = factory.LazyFunction(list)

    class Meta:
        abstract = True
        django_get_or_create = ("slug", "parent")


class StandardPageFactory(ContentPageFactory):
    class Meta:
        model = models.StandardPage


class StoryIndexPageFactory(ContentPageFactory):
    title = "The Southampton Way"

    class Meta:
        model = models.StoryIndexPage


class StoryPageFactory(ContentPageFactory):
    class Meta:
        model = models.StoryPage


class WorkWithUsPageFactory(ContentPageFactory):
    title = "Work with us"

    class Meta:
        model = models.WorkWithUsPage


class RoleFamilyPageFactory(ContentPageFactory):
    role_family = factory.SubFactory(
        "cms.factories.RoleFamilyFactory", name=factory.SelfAttribute("..title")
    )

    class Meta:
        model = models.RoleFamilyPage


class RoleFamilyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Role family {n}")

    class Meta:
        model = "accounts.RoleFamily"
        django_get_or_create = ("name",)


class NewsIndexPageFactory(ContentPageFactory):
    title = "News"

    class Meta:
        model = models.NewsIndexPage


class NewsArticlePageFactory(ContentPageFactory):
    class Meta:
        model = models.NewsArticlePage


class FosteringLandingPageFactory(ContentPageFactory):
    title = "Foster with us"
    slug = "fostering"

    class Meta:
        model = models.FosteringLandingPage


class FosteringContentPageFactory(ContentPageFactory):
    class Meta:
        model = models.FosteringContentPage


class SearchPageFactory(wagtail_factories.PageFactory):
    title = "Search"

    class Meta:
        model = models.SearchPage
        django_get_or_create = ("slug", "parent")


class StaffStoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Sam {n}")
    role = "Social worker"
    quote = "No two days are the same."
    story = "<p>I start the day with a home visit.</p>"

    class Meta:
        model = models.StaffStory


def make_image(title: str, painter=None, size=(1600, 900)):
    """A Wagtail image drawn with Pillow (by `painter(draw, width, height)` if given),
    stored in the root collection. Reuses an image with the same title."""
    from PIL import Image, ImageDraw

    Image_ = get_image_model()
    existing = Image_.objects.filter(title=title).first()
    if existing:
        return existing
    canvas = Image.new("RGB", size, (0, 88, 111))
    draw = ImageDraw.Draw(canvas)
    if painter:
        painter(draw, *size)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    filename = f"{slugify(title) or 'image'}.png"
    return Image_.objects.create(
        title=title,
        file=ImageFile(buffer, name=filename),
        collection=Collection.get_first_root_node(),
    )


class ImageFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    file = factory.django.ImageField(width=1200, height=800, color="teal")
    collection = factory.LazyFunction(Collection.get_first_root_node)

    class Meta:
        model = get_image_model()
