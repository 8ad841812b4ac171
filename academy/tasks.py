"""Celery tasks: booking e-mails, reminders and passing on lapsed offers. Idempotent: each
e-mail is recorded in BookingNotice under a unique key before it is sent."""

from datetime import datetime, timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.booking import ACTIVE, BookingStatus, expire_offers

from .ics import booking_ics
from .models import AcademySettings, Booking, BookingNotice, TrainingSession

SUBJECTS = {
    "confirmed": "Your place is confirmed: {course}",
    "awaiting_approval": "Waiting for your manager's approval: {course}",
    "approval_request": "Please approve or decline a training booking: {course}",
    "waitlisted": "You are on the waiting list: {course}",
    "offered": "A place is free for you – accept by {deadline}: {course}",
    "cancelled": "Cancelled: {course}",
    "declined": "Your booking was not approved: {course}",
    "offer_expired": "The place you were offered has passed on: {course}",
    "session_cancelled": "Session cancelled by the academy: {course} on {date}",
    "reminder": "Reminder: {course} on {date}",
}
# The cancellation carries the event marked CANCELLED, so calendar apps remove it.
WITH_CALENDAR = {"confirmed", "reminder", "session_cancelled"}


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@shared_task
def send_booking_notice(booking_id: int, kind: str, key: str = "") -> bool:
    """Send one notice about a booking, at most once per (booking, kind, key)."""
    booking = (
        Booking.objects.select_related("session__course", "session__trainer", "user")
        .filter(pk=booking_id)
        .first()
    )
    if booking is None:
        return False
    try:
        with transaction.atomic():
            BookingNotice.objects.create(booking=booking, kind=kind, key=key)
            _send(booking, kind)
    except IntegrityError:
        return False
    if kind == "awaiting_approval":
        send_booking_notice.delay(booking_id, "approval_request", key)
    return True


def _send(booking, kind):
    session = booking.session
    starts = timezone.localtime(session.starts_at)
    deadline = timezone.localtime(booking.offer_expires_at) if booking.offer_expires_at else None
    recipient = booking.user.email
    if kind == "approval_request":
        manager = booking.user.staff_profile.line_manager
        if manager is None:
            return
        recipient = manager.email
    context = {
        "booking": booking,
        "session": session,
        "course": session.course,
        "starts": starts,
        "deadline": deadline,
        "booking_url": _absolute(reverse("academy:booking", args=[booking.pk])),
        "team_url": _absolute(reverse("academy:team")),
        "session_url": _absolute(reverse("academy:session", args=[session.pk])),
        "course_url": session.course.get_full_url() or _absolute("/academy/"),
        "session_open": session.booking_problem() is None,
        "kind": kind,
    }
    subject = SUBJECTS[kind].format(
        course=session.course.title,
        date=f"{starts:%-d %B}",
        deadline=f"{deadline:%-d %B %H:%M}" if deadline else "",
    )
    body = render_to_string(f"academy/email/{kind}.txt", context)
    message = EmailMultiAlternatives(subject, body, to=[recipient])
    if kind in WITH_CALENDAR:
        message.attach("training.ics", booking_ics(booking), "text/calendar; method=PUBLISH")
    message.send()


@shared_task
def send_reminders(now_iso: str | None = None) -> int:
    """Remind people with a place N days before their session (N from the academy
    settings, 7 and 1 by default). Safe to run as often as you like: each reminder is
    recorded once."""
    now = datetime.fromisoformat(now_iso) if now_iso else timezone.now()
    days_list = AcademySettings.load().reminder_day_list()
    sent = 0
    for days in days_list:
        window_end = now + timedelta(days=days)
        # Sessions starting within N days whose N-day reminder has not gone, skipping
        # people who booked inside that window (their confirmation is recent enough).
        bookings = Booking.objects.filter(
            status=BookingStatus.CONFIRMED,
            session__is_cancelled=False,
            session__starts_at__gt=now,
            session__starts_at__lte=window_end,
            created_at__lte=F("session__starts_at") - timedelta(days=days),
        ).exclude(notices__kind="reminder", notices__key=f"{days}d")
        nearer = [d for d in days_list if d < days]
        for booking in bookings.select_related("session"):
            # After an outage, send only the nearest reminder that is due.
            if nearer and booking.session.starts_at <= now + timedelta(days=max(nearer)):
                continue
            if send_booking_notice(booking.pk, "reminder", f"{days}d"):
                sent += 1
    return sent


# Lapsed offers older than this are not announced: the e-mail would be too late to help.
LAPSED_NOTICE_WINDOW = timedelta(days=2)


@shared_task
def pass_on_lapsed_offers(now_iso: str | None = None) -> int:
    """Lapse offers nobody accepted in time and offer each place to the next person.
    Each person whose offer lapsed is told once; the next person gets their offer."""
    now = datetime.fromisoformat(now_iso) if now_iso else timezone.now()
    window = timedelta(hours=AcademySettings.load().offer_window_hours)
    released = expire_offers(TrainingSession, now=now, offer_window=window)
    from .services.notifications import booking_changed

    # The engine announced this run's lapsed and new offers (booking_moved). Catch up on
    # every recently lapsed offer not yet announced too: a run that stopped after lapsing
    # offers but before telling anyone is caught up by the next (each notice goes once).
    lapsed = Booking.objects.filter(
        status=BookingStatus.EXPIRED,
        offer_expires_at__lte=now,
        offer_expires_at__gt=now - LAPSED_NOTICE_WINDOW,
    ).exclude(notices__kind="offer_expired")
    with transaction.atomic():
        for booking in lapsed:
            booking_changed(booking)
    return len(released.offered)


@shared_task
def tell_session_cancelled(session_id: int) -> int:
    """Tell everyone holding a place, an offer or a waiting-list place on a session that
    L&D cancelled it. Once per booking, however often it runs."""
    bookings = Booking.objects.filter(
        session_id=session_id,
        session__is_cancelled=True,
        status__in=ACTIVE - {BookingStatus.ATTENDED, BookingStatus.NO_SHOW},
    )
    ids = list(bookings.values_list("pk", flat=True))
    return sum(send_booking_notice(pk, "session_cancelled") for pk in ids)


# An expiry older than this is not announced (e.g. on the first run after deployment).
EXPIRED_NOTICE_WINDOW = timedelta(days=14)
RENEWAL_SUBJECTS = {
    "renewal_due": "Time to renew your mandatory training: {course}",
    "expired": "Your mandatory training has expired: {course}",
}


@shared_task
def send_renewal_reminders(today_iso: str | None = None) -> int:
    """Tell each member of staff, once per expiry date, when a mandatory course of theirs
    enters its renewal window and when it expires. Safe to run as often as you like."""
    from accounts.models import StaffProfile

    from .models import TrainingNotice
    from .services.compliance import (
        MandatoryStatus,
        latest_completions,
        mandatory_items,
        mandatory_rules,
    )

    today = datetime.fromisoformat(today_iso).date() if today_iso else timezone.localdate()
    rules = [rule for rule in mandatory_rules() if rule.course.renewal_months]
    if not rules:
        return 0
    latest = latest_completions()
    window = AcademySettings.load().renewal_window_days
    sent = 0
    profiles = StaffProfile.objects.current(today).select_related("user")
    for profile in profiles.iterator(chunk_size=500):
        if not profile.user.is_active or not profile.user.email:
            continue
        for item in mandatory_items(
            profile, rules=rules, latest=latest, today=today, renewal_window_days=window
        ):
            if item.status == MandatoryStatus.RENEW:
                kind = "renewal_due"
            elif (
                item.status == MandatoryStatus.OVERDUE
                and item.last_completed
                and today - item.date <= EXPIRED_NOTICE_WINDOW
            ):
                kind = "expired"
            else:
                continue
            try:
                with transaction.atomic():
                    TrainingNotice.objects.create(
                        user=profile.user, course=item.course, kind=kind, key=item.date.isoformat()
                    )
                    _send_renewal(profile.user, item, kind)
            except IntegrityError:
                continue
            sent += 1
    return sent


def _send_renewal(user, item, kind):
    body = render_to_string(
        f"academy/email/{kind}.txt",
        {
            "user": user,
            "item": item,
            "course_url": item.course.get_full_url() or _absolute("/academy/"),
            "training_url": _absolute(reverse("academy:my_training")),
        },
    )
    subject = RENEWAL_SUBJECTS[kind].format(course=item.course.title)
    EmailMultiAlternatives(subject, body, to=[user.email]).send()


@shared_task
def enrol_new_staff(profile_id: int) -> int:
    from accounts.models import StaffProfile

    from .services.enrolment import enrol_profile

    profile = StaffProfile.objects.filter(pk=profile_id).select_related("user").first()
    return len(enrol_profile(profile)) if profile else 0


@shared_task
def build_report_export(export_id: int) -> int:
    """Write a large report to an XLSX file in private storage. Idempotent."""
    import datetime as dt
    import io

    from django.core.files.base import ContentFile

    from .models import ReportExport
    from .reports import REPORTS, write_xlsx

    export = ReportExport.objects.filter(pk=export_id, finished_at__isnull=True).first()
    if export is None:
        return 0
    rows_for, headings, title = REPORTS[export.report]
    params = {
        key: dt.date.fromisoformat(value) if key in {"start", "end"} and value else value
        for key, value in export.params.items()
    }
    buffer = io.BytesIO()
    count = write_xlsx(rows_for(**params), headings, buffer, title=title)
    export.file.save(
        f"{export.report}-{export.pk}.xlsx", ContentFile(buffer.getvalue()), save=False
    )
    export.rows = count
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "rows", "finished_at"])
    return count


@shared_task
def send_certificate_expiry_reminders(today_iso: str | None = None) -> int:
    """Certificates reaching 60 and 30 days before expiry, and the day itself (as set in
    the academy settings): tell the learner, and for mandatory training their line
    manager, once each. Safe to run as often as you like."""
    from .services.refreshers import send_expiry_reminders

    today = datetime.fromisoformat(today_iso).date() if today_iso else None
    return send_expiry_reminders(today)


@shared_task
def take_compliance_snapshot(today_iso: str | None = None) -> int:
    """Record this month's mandatory-training compliance for the dashboard's trend."""
    from .dashboard import take_compliance_snapshot as take

    today = datetime.fromisoformat(today_iso).date() if today_iso else None
    return take(today)
