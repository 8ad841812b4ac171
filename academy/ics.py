"""Calendar files (.ics) for sessions: one event per booking, or a personal feed."""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

PRODID = "-//Southampton City Council//Southampton Way academy//EN"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def session_event(session, booking=None) -> Event:
    event = Event()
    event.add("uid", f"academy-session-{session.pk}@southamptonway.example")
    event.add("summary", session.course.title)
    event.add("dtstart", timezone.localtime(session.starts_at))
    event.add("dtend", timezone.localtime(session.ends_at))
    event.add("dtstamp", timezone.now())
    show_link = booking is not None and booking.can_see_joining_details
    location = session.venue or ("Online" if session.online_link else "")
    if location:
        event.add("location", vText(location))
    lines = [session.course.summary]
    if show_link and session.online_link:
        lines.append(f"Join online: {session.online_link}")
        event.add("url", session.online_link)
    if session.notes:
        lines.append(session.notes)
    event.add("description", "\n\n".join(line for line in lines if line))
    if booking is not None and booking.status in {"cancelled", "declined"}:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
    if session.trainer_id:
        organizer = vCalAddress(f"mailto:{session.trainer.email}")
        organizer.params["cn"] = vText(session.trainer.get_full_name() or session.trainer.email)
        event.add("organizer", organizer)
    return event


def booking_ics(booking) -> bytes:
    calendar = _calendar("Southampton Way training")
    calendar.add("method", "PUBLISH")
    calendar.add_component(session_event(booking.session, booking))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def feed_ics(user, bookings) -> bytes:
    calendar = _calendar(f"Training for {user.get_full_name() or user.email}")
    for booking in bookings:
        calendar.add_component(session_event(booking.session, booking))
    calendar.add_missing_timezones()
    return calendar.to_ical()
