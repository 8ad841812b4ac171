"""Headers on every response: personal pages are never stored by a cache, and the browser
is told the portal uses no camera, microphone, location, payment or USB device."""

import pytest
from django.urls import reverse

from tests.access import ALL_ROLES
from tests.test_access_matrix import ROWS

pytestmark = pytest.mark.django_db


def _url(row, make_user):
    if callable(row.path):
        return row.path(make_user)
    if row.path:
        return row.path
    kwargs = row.kwargs(make_user) if callable(row.kwargs) else row.kwargs
    return reverse(row.name, kwargs=kwargs)


def _signed_in_role(row):
    roles = sorted(ALL_ROLES if row.public else row.allowed)
    return roles[0] if roles else "staff member"


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
def test_every_page_of_the_matrix_is_private_for_a_signed_in_person(row, client_for, make_user):
    url = _url(row, make_user)
    response = client_for(_signed_in_role(row)).get(url)

    assert response["Cache-Control"] == "private, no-store", url


def test_a_public_page_stays_cacheable_for_a_visitor(client):
    response = client.get(reverse("fostering:events"))

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_links_standing_in_for_a_person_are_private_without_signing_in(client, make_user):
    from academy.views.public import feed_token
    from fostering.factories import EventBookingFactory
    from fostering.services import booking_token

    feed = client.get(reverse("academy:calendar_feed", args=[feed_token(make_user("trainer"))]))
    booking = client.get(
        reverse("fostering:manage_booking", args=[booking_token(EventBookingFactory())])
    )

    assert feed.status_code == booking.status_code == 200
    assert feed["Cache-Control"] == booking["Cache-Control"] == "private, no-store"


def test_a_download_is_private_and_any_earlier_expiry_is_dropped(client_for):
    response = client_for("staff member").get(reverse("accounts:download_data"))

    assert response.has_header("Content-Disposition")
    assert response["Cache-Control"] == "private, no-store"
    assert not response.has_header("Expires")


@pytest.mark.parametrize("feature", ["camera", "microphone", "geolocation", "payment", "usb"])
def test_device_features_are_switched_off_on_every_page(client, client_for, feature):
    for response in (client.get("/"), client_for("recruiter").get(reverse("accounts:dashboard"))):
        assert f"{feature}=()" in response["Permissions-Policy"].split(", ")


def test_only_the_embedded_video_players_may_go_full_screen(client):
    policy = client.get("/")["Permissions-Policy"]

    assert (
        'fullscreen=(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")' in policy
    )
