"""Editors link to pages on this site by path, or to full addresses; nothing else."""

import pytest
from wagtail.blocks import StructBlockValidationError

from core.blocks.actions import LinkBlock


@pytest.mark.parametrize(
    "address",
    ["/vacancies/", "/fostering-enquiry/", "https://www.gov.uk/", "mailto:jobs@example.org"],
)
def test_an_address_on_this_site_or_a_full_address_is_accepted(address):
    value = LinkBlock().to_python({"page": None, "url": address, "text": "Go"})
    assert LinkBlock().clean(value)["url"] == address


@pytest.mark.parametrize("address", ["vacancies", "javascript:alert(1)", "//evil.example/"])
def test_anything_else_is_refused_with_a_message_saying_what_to_enter(address):
    value = LinkBlock().to_python({"page": None, "url": address, "text": "Go"})
    with pytest.raises(StructBlockValidationError) as refused:
        LinkBlock().clean(value)
    message = str(refused.value.block_errors["url"])
    assert "or an address on this site starting with /" in message
