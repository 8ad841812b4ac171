from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class StaffStoryBlock(blocks.StructBlock):
    """A "day in the life" story kept as a snippet so several pages can reuse it."""

    story = SnippetChooserBlock("cms.StaffStory")

    class Meta:
        template = "core/blocks/staff_story.html"
        icon = "user"
        description = "A day in the life of someone who works or fosters with us."
