"""What fostering shows on other apps' pages (see core.sections)."""

from django.utils import timezone

from core.sections import section

from .models import InformationEvent


@section("fostering")
def next_information_events(request, page):
    """The next three information events, on the Foster with us landing page."""
    events = InformationEvent.objects.filter(
        is_cancelled=False, starts_at__gt=timezone.now()
    ).order_by("starts_at")[:3]
    if not events:
        return None
    return "fostering/includes/next_events.html", {"events": events}
