from wagtail import blocks

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    """A section heading. Level 2 by default; pages keep headings in order."""

    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Level 2 (section)"), ("h3", "Level 3 (sub-section)")], default="h2"
    )

    class Meta:
        template = "core/blocks/heading.html"
        icon = "title"
        description = "A heading that starts a new section of the page."
        preview_value = {"text": "Why Southampton?", "level": "h2"}


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        template = "core/blocks/rich_text.html"
        icon = "pilcrow"
        description = "Paragraphs, lists and links."
        preview_value = (
            "<p>Our social workers know the children they work with, and the children "
            "know them.</p>"
        )


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=400)
    attribution = blocks.CharBlock(max_length=120, required=False)

    class Meta:
        template = "core/blocks/pull_quote.html"
        icon = "openquote"
        description = "A short quotation set apart from the text."
        preview_value = {
            "quote": "High support and high challenge is how we help families change.",
            "attribution": "A team manager, Family Safeguarding",
        }
