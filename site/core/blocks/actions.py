from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.forms.utils import ErrorList
from wagtail import blocks


def validate_link_address(value: str) -> None:
    """A full web address, an address on this site (/vacancies/), or mailto:/tel:."""
    if value.startswith("/") and not value.startswith("//"):
        return
    if value.startswith(("mailto:", "tel:")) and len(value) > 5:
        return
    URLValidator(
        schemes=["http", "https"],
        message=(
            "Enter a full web address starting with https://, or an address on this "
            "site starting with /, such as /vacancies/"
        ),
    )(value)


class LinkAddressBlock(blocks.FieldBlock):
    """A web address that may also be a path on this site, which URLBlock refuses."""

    def __init__(self, required=False, help_text=None, max_length=400, **kwargs):
        self.field = forms.CharField(
            required=required,
            help_text=help_text,
            max_length=max_length,
            validators=[validate_link_address],
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "link"


class LinkBlock(blocks.StructBlock):
    """A link to a page in the site or to another address."""

    page = blocks.PageChooserBlock(required=False)
    url = LinkAddressBlock(
        required=False,
        label="Or an address",
        help_text="A full web address, or an address on this site such as /vacancies/",
    )
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
