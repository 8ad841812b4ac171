from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks


class LinkBlock(blocks.StructBlock):
    """A link to a page in the site or to another address."""

    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label="Or an address")
    text = blocks.CharBlock(max_length=80)

    class Meta:
        icon = "link"

    def __init__(self, *args, required=True, **kwargs):
        self._required = required
        super().__init__(*args, **kwargs)
        if not required:
            self.child_blocks["text"].field.required = False

    @property
    def required(self):
        return self._required

    def clean(self, value):
        value = super().clean(value)
        has_target = value.get("page") or value.get("url")
        if not has_target and (self._required or value.get("text")):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError("Choose a page or an address.")])}
            )
        if has_target and not value.get("text"):
            raise blocks.StructBlockValidationError(
                block_errors={"text": ErrorList([ValidationError("Give the link some text.")])}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(max_length=300, required=False)
    link = LinkBlock()

    class Meta:
        template = "core/blocks/call_to_action.html"
        icon = "pick"
        description = "A highlighted box that sends the reader to their next step."
        preview_value = {
            "heading": "Ready to apply?",
            "text": "See the roles open now.",
            "link": {"url": "/vacancies/", "text": "See current vacancies"},
        }
