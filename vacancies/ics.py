"""Calendar invitations for interviews (.ics)."""

from icalendar import Calendar, Event, vCalAddress, vText


def interview_calendar(slot) -> bytes:
    vacancy = slot.vacancy
    calendar = Calendar()
    calendar.add("prodid", "-//Southampton City Council//Southampton Way portal//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = Event()
    event.add("uid", f"interview-{slot.pk}@southamptonway.example")
    event.add("summary", f"Interview: {vacancy.title} ({vacancy.reference})")
    event.add("dtstart", slot.starts_at)
    event.add("dtend", slot.ends_at)
    event.add("dtstamp", slot.starts_at)
    event.add("location", vText(slot.location))
    event.add(
        "description",
        f"Your interview for {vacancy.title}, reference {vacancy.reference}. "
        "Bring photo identification and the originals of your qualifications.",
    )
    if vacancy.contact_email:
        organiser = vCalAddress(f"mailto:{vacancy.contact_email}")
        organiser.params["cn"] = vText(vacancy.contact_name or "Recruitment team")
        event["organizer"] = organiser
    calendar.add_component(event)
    return calendar.to_ical()
