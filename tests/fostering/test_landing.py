"""The Foster with us page leads a visitor to an information event or an enquiry."""

import datetime

import pytest
from django.utils import timezone

from fostering.factories import InformationEventFactory
from tests.cms.tree import build_tree

pytestmark = pytest.mark.django_db


def test_the_landing_page_links_to_events_and_the_enquiry_form_and_lists_the_next_events(
    client,
):
    pages = build_tree()
    soon = InformationEventFactory(title="Fostering evening at the Civic Centre")
    InformationEventFactory(
        title="Last month's evening", starts_at=timezone.now() - datetime.timedelta(days=30)
    )
    InformationEventFactory(title="Cancelled evening", is_cancelled=True)
    html = client.get(pages["FosteringLandingPage"].url).content.decode()
    assert 'href="/fostering-events/"' in html
    assert 'href="/fostering-enquiry/"' in html
    assert f'href="/fostering-events/{soon.pk}/">Fostering evening at the Civic Centre</a>' in html
    assert "Last month" not in html and "Cancelled evening" not in html
