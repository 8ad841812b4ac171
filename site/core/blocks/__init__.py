"""Shared StreamField blocks, one small module per kind of content.

Every block sets its template, icon, description and a preview value so editors see
what they pick. `STORY_BLOCKS` is the full set the story, standard, fostering and news
pages use; page types may add or drop blocks from it.
"""

from .actions import CallToActionBlock
from .lists import (
    AccordionBlock,
    CardGridBlock,
    PrinciplesBlock,
    StatisticsBlock,
)
from .media import ImageBlock, VideoBlock
from .stories import StaffStoryBlock
from .text import HeadingBlock, PullQuoteBlock, RichTextBlock


def story_blocks():
    """A fresh list of (name, block) pairs for a page body StreamField."""
    return [
        ("heading", HeadingBlock()),
        ("text", RichTextBlock()),
        ("image", ImageBlock()),
        ("pull_quote", PullQuoteBlock()),
        ("statistics", StatisticsBlock()),
        ("cards", CardGridBlock()),
        ("principles", PrinciplesBlock()),
        ("accordion", AccordionBlock()),
        ("call_to_action", CallToActionBlock()),
        ("video", VideoBlock()),
        ("staff_story", StaffStoryBlock()),
    ]


__all__ = [
    "AccordionBlock",
    "CallToActionBlock",
    "CardGridBlock",
    "HeadingBlock",
    "ImageBlock",
    "PrinciplesBlock",
    "PullQuoteBlock",
    "RichTextBlock",
    "StaffStoryBlock",
    "StatisticsBlock",
    "VideoBlock",
    "story_blocks",
]
