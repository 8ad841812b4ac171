from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    """An image served as responsive renditions, always with alternative text."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe what the image shows for people who cannot see it.",
    )
    caption = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        template = "core/blocks/image.html"
        icon = "image"
        description = "A picture with alternative text and an optional caption."


class VideoBlock(blocks.StructBlock):
    """An embedded video; the transcript keeps it usable without sound or sight."""

    title = blocks.CharBlock(max_length=120)
    video = EmbedBlock(help_text="A YouTube or Vimeo address.")
    transcript = blocks.RichTextBlock(features=["bold", "italic", "ol", "ul"])

    class Meta:
        template = "core/blocks/video.html"
        icon = "media"
        description = "A video with its full transcript."

    def clean(self, value):
        value = super().clean(value)
        if not value.get("transcript") or not value["transcript"].source.strip():
            raise blocks.StructBlockValidationError(
                block_errors={
                    "transcript": ErrorList([ValidationError("Add a transcript of the video.")])
                }
            )
        return value
