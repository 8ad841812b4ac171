from wagtail import blocks

from .actions import LinkBlock


class StatisticBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=20, help_text="For example 90% or 18.")
    label = blocks.CharBlock(max_length=120)


class StatisticsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, required=False)
    items = blocks.ListBlock(StatisticBlock(), min_num=1, max_num=6)

    class Meta:
        template = "core/blocks/statistics.html"
        icon = "table"
        description = "Key figures shown large, each with what it measures."
        preview_value = {
            "heading": "Our workforce",
            "items": [
                {"figure": "90%", "label": "of social workers are permanent"},
                {"figure": "18", "label": "average caseload"},
            ],
        }


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(max_length=300)
    link = LinkBlock(required=False)


class CardGridBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, required=False)
    cards = blocks.ListBlock(CardBlock(), min_num=1, max_num=9)

    class Meta:
        template = "core/blocks/card_grid.html"
        icon = "grip"
        description = "A grid of short summaries, each optionally linking on."
        preview_value = {
            "heading": "Ways in",
            "cards": [
                {"title": "Work with us", "text": "Roles across the city."},
                {"title": "Foster with us", "text": "A home for a child."},
            ],
        }


class PrincipleBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120)
    description = blocks.TextBlock(max_length=500)


class PrinciplesBlock(blocks.StructBlock):
    """A numbered list of principles, behaviours or approaches with what each means."""

    heading = blocks.CharBlock(max_length=120, required=False)
    items = blocks.ListBlock(PrincipleBlock(), min_num=1)

    class Meta:
        template = "core/blocks/principles.html"
        icon = "list-ol"
        description = "Principles, behaviours or approaches, each with a short explanation."
        preview_value = {
            "heading": "Our behaviours",
            "items": [
                {"name": "Confident", "description": "We make decisions and explain them."},
                {"name": "Respectful", "description": "We listen first."},
            ],
        }


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])


class AccordionBlock(blocks.StructBlock):
    """Questions and answers. Uses <details>, so it opens and closes without JavaScript."""

    heading = blocks.CharBlock(max_length=120, required=False)
    items = blocks.ListBlock(AccordionItemBlock(), min_num=1)

    class Meta:
        template = "core/blocks/accordion.html"
        icon = "help"
        description = "Frequently asked questions that open one at a time."
        preview_value = {
            "heading": "Questions",
            "items": [{"question": "Can I foster if I rent?", "answer": "<p>Yes.</p>"}],
        }
