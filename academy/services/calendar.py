"""Personal calendar feeds: an unguessable address per person that they can reset."""

from django.core import signing
from django.db import transaction
from django.utils import timezone

from ..models import CalendarFeed

FEED_SALT = "academy.calendar-feed"


def _signer():
    return signing.Signer(salt=FEED_SALT)


def _version(user) -> int:
    return CalendarFeed.objects.filter(user=user).values_list("version", flat=True).first() or 0


def feed_token(user) -> str:
    """The token in the person's current feed address."""
    version = _version(user)
    # Version 0 keeps the address format used before feeds could be reset, so calendars
    # that already subscribe keep working until their owner resets the address.
    value = str(user.pk) if version == 0 else f"{user.pk}.{version}"
    return _signer().sign(value)


def user_for_token(token: str):
    """The active user whose current feed address carries `token`, or None."""
    from accounts.models import User

    try:
        value = _signer().unsign(token)
    except signing.BadSignature:
        return None
    user_pk, _, version = value.partition(".")
    if not user_pk.isdigit() or (version and not version.isdigit()):
        return None
    user = User.objects.filter(pk=int(user_pk), is_active=True).first()
    if user is None or _version(user) != int(version or 0):
        return None
    return user


def reset_feed(user) -> str:
    """Give the person a new feed address; every earlier address stops working at once.
    Returns the new token."""
    with transaction.atomic():
        feed, _ = CalendarFeed.objects.select_for_update().get_or_create(user=user)
        feed.version += 1
        feed.reset_at = timezone.now()
        feed.save(update_fields=["version", "reset_at"])
    return feed_token(user)
