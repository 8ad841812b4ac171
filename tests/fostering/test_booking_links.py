"""The link that lets someone see or cancel their information-event place is opaque: it
does not carry (or decode to) their e-mail address, and links of the old, signed kind
fail safely with a clear explanation."""

import base64
import re

import pytest
from django.core import mail, signing
from django.urls import reverse

from core.booking import BookingStatus
from fostering.factories import EventBookingFactory, InformationEventFactory
from fostering.models import EventBooking

pytestmark = pytest.mark.django_db


def _decodings(token):
    """Every way the pieces of a token could be read back as text."""
    for piece in re.split(r"[:.]", token):
        padded = piece + "=" * (-len(piece) % 4)
        for decode in (base64.urlsafe_b64decode, base64.b64decode):
            try:
                yield decode(padded).decode("utf-8", "replace")
            except ValueError:
                continue


def test_the_emailed_link_reveals_nothing_about_who_booked(
    client, django_capture_on_commit_callbacks
):
    event = InformationEventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("fostering:event_detail", args=[event.pk]),
            {"name": "Jo Bloggs", "email": "jo.bloggs@example.com", "phone": ""},
        )
    (message,) = mail.outbox
    token = re.search(r"/fostering-events/booking/([^/\s]+)/", message.body).group(1)
    assert "jo.bloggs" not in token.lower()
    assert not any("jo.bloggs" in text for text in _decodings(token))
    with pytest.raises(signing.BadSignature):
        signing.loads(token, salt="fostering.event-booking")
    # The link still opens the person's own booking.
    page = client.get(reverse("fostering:manage_booking", args=[token]))
    assert page.status_code == 200
    assert event.title in page.content.decode()


def test_each_booking_has_its_own_unguessable_link():
    first = EventBookingFactory(email="sam@example.com")
    second = EventBookingFactory(email="sam@example.com")
    assert first.link_token != second.link_token
    assert len(first.link_token) >= 32


def test_a_link_of_the_old_signed_kind_explains_and_changes_nothing(client):
    booking = EventBookingFactory()
    old_link = signing.dumps({"b": booking.pk, "e": booking.email}, salt="fostering.event-booking")
    url = reverse("fostering:manage_booking", args=[old_link])
    for method in (client.get, client.post):
        response = method(url)
        text = response.content.decode()
        assert response.status_code == 400
        assert "This link does not work" in text
        assert "older confirmation e-mail" in text
        assert booking.email not in text
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_a_made_up_link_is_refused_without_an_error_page(client):
    for token in ("x", "a" * 300, "%00"):
        response = client.get(f"/fostering-events/booking/{token}/")
        assert response.status_code == 400
    assert EventBooking.objects.count() == 0
