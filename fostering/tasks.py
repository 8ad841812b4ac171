"""Fostering e-mails and daily jobs. Each is idempotent: running it twice sends nothing twice."""

import datetime

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from core.booking import BookingStatus


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(subject, template, context, to, attachments=()):
    body = render_to_string(template, context)
    message = EmailMessage(
        subject=f"[Southampton Way] {subject}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
    )
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    message.send()


def event_calendar(booking) -> bytes:
    """An .ics file for the event, with the place (or joining link) the booker needs."""
    event = booking.session
    calendar = Calendar()
    calendar.add("prodid", "-//Southampton City Council//Southampton Way fostering//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    item = Event()
    item.add("uid", f"fostering-event-{event.pk}-booking-{booking.pk}@southamptonway.example")
    item.add("dtstamp", timezone.now())
    item.add("dtstart", event.starts_at)
    item.add("dtend", event.ends_at)
    item.add("summary", event.title)
    if event.format == event.Format.ONLINE:
        item.add("location", event.joining_link or "Online")
        item.add("url", event.joining_link) if event.joining_link else None
    else:
        item.add("location", event.venue or event.area)
    item.add("description", event.summary or "Fostering information event")
    calendar.add_component(item)
    return calendar.to_ical()


@shared_task
def send_event_confirmation(booking_id):
    from .models import EventBooking
    from .services import booking_token

    booking = EventBooking.objects.select_related("session").filter(pk=booking_id).first()
    if booking is None or booking.status != BookingStatus.CONFIRMED:
        return False
    manage_url = _absolute(reverse("fostering:manage_booking", args=[booking_token(booking)]))
    _send(
        f"Your place: {booking.session.title}",
        "fostering/emails/event_confirmation.txt",
        {"booking": booking, "event": booking.session, "manage_url": manage_url},
        booking.email,
        attachments=[("fostering-information-event.ics", event_calendar(booking), "text/calendar")],
    )
    return True


@shared_task
def send_event_reminders(now_iso=None):
    """Remind everyone with a place at an event starting tomorrow (once each)."""
    from .models import EventBooking
    from .services import booking_token

    now = datetime.datetime.fromisoformat(now_iso) if now_iso else timezone.now()
    tomorrow = timezone.localtime(now).date() + datetime.timedelta(days=1)
    sent = 0
    bookings = EventBooking.objects.select_related("session").filter(
        status=BookingStatus.CONFIRMED,
        reminder_sent_at__isnull=True,
        session__is_cancelled=False,
        session__starts_at__date=tomorrow,
    )
    for booking in bookings:
        # Claim the booking first so a second run (or a second worker) cannot send again.
        claimed = EventBooking.objects.filter(pk=booking.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now
        )
        if not claimed:
            continue
        manage_url = _absolute(reverse("fostering:manage_booking", args=[booking_token(booking)]))
        _send(
            f"Tomorrow: {booking.session.title}",
            "fostering/emails/event_reminder.txt",
            {"booking": booking, "event": booking.session, "manage_url": manage_url},
            booking.email,
        )
        sent += 1
    return sent


@shared_task
def send_event_cancellations(event_id):
    """Tell everyone with a place at a cancelled event, offering the next event with
    places. The booking engine cancels their places first, under the event's lock, so a
    second run (or a second worker) finds nobody left to tell."""
    from .models import InformationEvent
    from .services import cancel_information_event, next_event_with_places

    event = InformationEvent.objects.filter(pk=event_id, is_cancelled=True).first()
    if event is None:
        return 0
    cancelled = cancel_information_event(event)
    if not cancelled:
        return 0
    alternative = next_event_with_places(event)
    alternative_url = (
        _absolute(reverse("fostering:event_detail", args=[alternative.pk])) if alternative else ""
    )
    for booking in cancelled:
        _send(
            f"Cancelled: {event.title}",
            "fostering/emails/event_cancelled.txt",
            {
                "booking": booking,
                "event": event,
                "alternative": alternative,
                "alternative_url": alternative_url,
                "events_url": _absolute(reverse("fostering:events")),
                "enquiry_url": _absolute(reverse("fostering:enquiry")),
            },
            booking.email,
        )
    return len(cancelled)


@shared_task
def send_enquiry_acknowledgement(case_id, merged=False):
    from .models import FosteringCase, FosteringRules

    case = FosteringCase.objects.filter(pk=case_id).first()
    if case is None:
        return False
    _send(
        "Thank you for your fostering enquiry",
        "fostering/emails/enquiry_acknowledgement.txt",
        {
            "case": case,
            "merged": merged,
            "rules": FosteringRules.load(),
            "account_url": _absolute(reverse("fostering:my_cases")),
        },
        case.email,
    )
    return True


def _unassigned_alert_recipients(rules) -> list[str]:
    """The team's shared inbox, or (without one) everyone active in the fostering team."""
    from accounts.models import User
    from accounts.roles import Role

    if rules.team_inbox:
        return [rules.team_inbox]
    return list(
        User.objects.filter(groups__name=Role.FOSTERING_TEAM, is_active=True)
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )


@shared_task
def send_clock_alerts(today_iso=None):
    """Tell each assigned worker about their cases with a clock at risk or overdue, and the
    team (its shared inbox) about such cases nobody is assigned to yet.

    At most one e-mail per case per day, however often the task runs.
    """
    from .clocks import WorkingDays, flagged_clocks, flagged_filter
    from .models import ClockAlert, FosteringCase, FosteringRules

    today = datetime.date.fromisoformat(today_iso) if today_iso else timezone.localdate()
    rules = FosteringRules.load()
    days = WorkingDays()
    by_worker = {}
    already_told = set(ClockAlert.objects.filter(sent_on=today).values_list("case_id", flat=True))
    # Only the cases the database says are flagged are loaded and worked through.
    cases = (
        FosteringCase.objects.filter(flagged_filter(today=today, rules=rules, days=days))
        .select_related("assessing_worker")
        .prefetch_related("moves")
        .order_by("enquired_at", "pk")
    )
    # One transaction for the whole run (one commit, not one per case); the savepoint per
    # alert lets the unique constraint turn away a case another run has just claimed.
    with transaction.atomic():
        for case in cases.exclude(pk__in=already_told):
            flagged = flagged_clocks(case, today=today, rules=rules, days=days)
            if not flagged:
                continue
            summary = "; ".join(
                f"{c.label}: {c.status_label.lower()} (due {c.due:%-d %b})" for c in flagged
            )
            try:
                with transaction.atomic():
                    ClockAlert.objects.create(case=case, sent_on=today, summary=summary)
            except IntegrityError:
                continue  # already told today
            by_worker.setdefault(case.assessing_worker, []).append((case, flagged))
    dashboard_url = _absolute(reverse("fostering:dashboard"))
    unassigned = by_worker.pop(None, [])
    for worker, items in by_worker.items():
        _send(
            f"{len(items)} fostering case(s) need attention today",
            "fostering/emails/clock_alert.txt",
            {"worker": worker, "items": items, "dashboard_url": dashboard_url},
            worker.email,
        )
    if unassigned:
        for address in _unassigned_alert_recipients(rules):
            _send(
                f"{len(unassigned)} fostering case(s) with nobody assigned need attention today",
                "fostering/emails/clock_alert.txt",
                {"worker": None, "items": unassigned, "dashboard_url": dashboard_url},
                address,
            )
    return sum(len(items) for items in by_worker.values()) + len(unassigned)


@shared_task
def anonymise_closed_enquiries(today_iso=None):
    """Anonymise withdrawn and not-progressed cases, and information event bookings, once
    the retention period has passed. Returns the number of cases anonymised."""
    from .application_services import erase_application
    from .models import EventBooking, FosteringCase, FosteringRules
    from .pipeline import Stage
    from .services import anonymise_case

    today = datetime.date.fromisoformat(today_iso) if today_iso else timezone.localdate()
    rules = FosteringRules.load()
    cutoff = today - datetime.timedelta(days=rules.retention_days_after_closure)
    cases = FosteringCase.objects.filter(
        stage__in=[Stage.WITHDRAWN, Stage.NOT_PROGRESSED],
        anonymised_at__isnull=True,
        closed_at__date__lt=cutoff,
    )
    count = 0
    for case in cases:
        erase_application(case)
        anonymise_case(case)
        count += 1
    # Information event bookings (people who may never have enquired) go the same way once
    # the event is that far in the past.
    EventBooking.objects.filter(session__ends_at__date__lt=cutoff).exclude(
        name="Anonymised"
    ).update(name="Anonymised", email="anonymised@invalid.example", phone="")
    return count


# --- Applying online ---------------------------------------------------------------------


@shared_task
def send_application_invitation(application_id):
    from .models import FosteringApplication

    application = (
        FosteringApplication.objects.select_related("case").filter(pk=application_id).first()
    )
    if application is None or application.is_submitted:
        return False
    case = application.case
    _send(
        "You can now apply to foster",
        "fostering/emails/application_invitation.txt",
        {"case": case, "apply_url": _absolute(reverse("fostering:apply", args=[case.reference]))},
        case.email,
    )
    return True


@shared_task
def send_joint_invitation(applicant_id):
    from .models import Applicant

    applicant = Applicant.objects.select_related("application").filter(pk=applicant_id).first()
    if applicant is None or applicant.has_joined:
        return False
    lead = applicant.application.applicants.get(role=Applicant.Role.LEAD)
    _send(
        f"{lead.name} has invited you to apply to foster together",
        "fostering/emails/joint_invitation.txt",
        {
            "applicant": applicant,
            "lead": lead,
            "join_url": _absolute(
                reverse("fostering:apply_join", args=[applicant.invitation_token])
            ),
        },
        applicant.email,
    )
    return True


@shared_task
def send_application_received(application_id):
    """Tell each applicant their application arrived, and what happens next."""
    from .models import FosteringApplication, FosteringRules

    application = (
        FosteringApplication.objects.select_related("case").filter(pk=application_id).first()
    )
    if application is None or not application.is_submitted:
        return 0
    case = application.case
    for applicant in application.applicants.all():
        _send(
            "We have your application to foster",
            "fostering/emails/application_received.txt",
            {
                "applicant": applicant,
                "application": application,
                "case": case,
                "rules": FosteringRules.load(),
                "case_url": _absolute(reverse("fostering:my_case", args=[case.reference])),
            },
            applicant.email,
        )
    return application.applicants.count()


@shared_task
def send_reference_request(request_id):
    from core.references import ReferenceRequest

    request = ReferenceRequest.objects.filter(pk=request_id, completed_at__isnull=True).first()
    if request is None:
        return False
    _send(
        f"A reference for {request.about}, who would like to foster",
        "fostering/emails/reference_request.txt",
        {
            "request": request,
            "form_url": _absolute(reverse("fostering:reference", args=[request.token])),
        },
        request.referee_email,
    )
    return True


@shared_task
def send_reference_reminders(now_iso=None):
    """Remind each referee who has not answered after the set number of days (once)."""
    from core.references import ReferenceRequest, due_reminders

    from .application_services import REFERENCE_PURPOSE
    from .models import FosteringRules

    now = datetime.datetime.fromisoformat(now_iso) if now_iso else timezone.now()
    after = datetime.timedelta(days=FosteringRules.load().reference_reminder_days)
    sent = 0
    for request in due_reminders(REFERENCE_PURPOSE, after=after, now=now):
        # Claim it first so a second run (or a second worker) cannot send again.
        claimed = ReferenceRequest.objects.filter(pk=request.pk, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if not claimed:
            continue
        _send(
            f"Reminder: a reference for {request.about}",
            "fostering/emails/reference_reminder.txt",
            {
                "request": request,
                "form_url": _absolute(reverse("fostering:reference", args=[request.token])),
            },
            request.referee_email,
        )
        sent += 1
    return sent
