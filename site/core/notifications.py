"""Every e-mail the portal sends goes through here: a transactional outbox.

The service that changes state calls `notify()` inside its own transaction. That renders the
message and stores it as a `Notification` row under a unique key, so the same e-mail about the
same thing can exist only once however often the service, a task or a scheduler runs. After
the transaction commits, the row is handed to Celery; if the broker cannot be reached, the
person's request still succeeds and `sweep_notifications` (Celery beat) hands the row over
again later, so a broker outage delays mail but loses none.

A worker claims a row with a conditional update before sending and marks it sent afterwards:
a redelivered or concurrent task finds it claimed or sent and does nothing.

    notify(
        f"fostering.event-confirmation:{booking.pk}",
        to=booking.email,
        template="fostering/emails/event_confirmation",   # .txt body, _subject.txt subject
        context={"booking": booking},
        attachments=[("event.ics", ics_bytes, "text/calendar")],
    )
"""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Notification

logger = logging.getLogger(__name__)

# A row claimed this long ago whose worker never marked it is taken to be lost (the worker
# died between claiming and sending) and is offered again.
STALE_CLAIM = timedelta(minutes=10)
# A new row is left this long for its own after-commit hand-over before the sweep offers it.
SWEEP_DELAY = timedelta(minutes=1)
# After this many failed attempts a row is marked failed and shown to administrators.
MAX_ATTEMPTS = 5


def absolute_url(path: str) -> str:
    """An absolute link for an e-mail, on the address the portal is served from."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def subject_line(subject: str) -> str:
    """One subject style for every e-mail: the site's prefix, once."""
    prefix = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
    subject = " ".join(subject.split())
    return subject if subject.startswith(prefix) else prefix + subject


def notify(
    key: str,
    *,
    to: str,
    template: str | None = None,
    context: dict | None = None,
    subject: str | None = None,
    body: str | None = None,
    attachments=(),
    headers: dict | None = None,
) -> Notification | None:
    """Record one e-mail to send after the current transaction commits.

    Returns the new row, or None when a notification with this key already exists (it was
    recorded before: nothing is sent twice) or there is nobody to send it to. `template`
    names `<template>.txt` for the body and `<template>_subject.txt` for the subject, unless
    `subject` or `body` are given; templates get `absolute` for building links.
    """
    if not to:
        return None
    if len(key) > Notification._meta.get_field("key").max_length:
        raise ValueError(f"Notification key too long: {key!r}")
    context = {**(context or {}), "absolute": absolute_url}
    if subject is None:
        subject = render_to_string(f"{template}_subject.txt", context)
    if body is None:
        body = render_to_string(f"{template}.txt", context)
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                key=key,
                to=to,
                subject=subject_line(subject)[:255],
                body=body,
                attachments=[_encode(*attachment) for attachment in attachments],
                headers=headers or {},
            )
    except IntegrityError:
        return None
    transaction.on_commit(lambda: enqueue(notification.pk))
    return notification


def enqueue(notification_id: int) -> None:
    """Hand a row to Celery. Never fails the caller: the sweep retries what this misses."""
    from .tasks import send_notification

    try:
        send_notification.delay(notification_id)
    except Exception:  # the broker is down, or (eager) the mail server refused
        logger.warning(
            "Notification %s not handed over yet; the sweep will retry it",
            notification_id,
            exc_info=True,
        )


def deliver(notification_id: int) -> bool:
    """Send one pending notification, once. True if this call sent it."""
    claimed = Notification.objects.filter(
        pk=notification_id, status=Notification.Status.PENDING
    ).update(
        status=Notification.Status.SENDING,
        claimed_at=timezone.now(),
        attempts=F("attempts") + 1,
    )
    if not claimed:
        return False  # already sent, being sent by another worker, or failed for good
    notification = Notification.objects.get(pk=notification_id)
    try:
        _message(notification).send()
    except Exception as exc:
        failed = notification.attempts >= MAX_ATTEMPTS
        Notification.objects.filter(pk=notification_id).update(
            status=Notification.Status.FAILED if failed else Notification.Status.PENDING,
            last_error=f"{type(exc).__name__}: {exc}"[:1000],
        )
        logger.warning(
            "Notification %s not sent (attempt %s)",
            notification_id,
            notification.attempts,
            exc_info=True,
        )
        return False
    Notification.objects.filter(pk=notification_id).update(
        status=Notification.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


def sweep(now=None) -> int:
    """Offer again what was never handed over or whose worker died. Returns rows offered."""
    now = now or timezone.now()
    Notification.objects.filter(
        status=Notification.Status.SENDING, claimed_at__lt=now - STALE_CLAIM
    ).update(status=Notification.Status.PENDING)
    due = Notification.objects.filter(
        Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - STALE_CLAIM),
        status=Notification.Status.PENDING,
        created_at__lt=now - SWEEP_DELAY,
    ).values_list("pk", flat=True)[:500]
    offered = 0
    for pk in due:
        enqueue(pk)
        offered += 1
    return offered


def resend(notification: Notification) -> None:
    """An administrator's resend of a failed notification."""
    Notification.objects.filter(pk=notification.pk, status=Notification.Status.FAILED).update(
        status=Notification.Status.PENDING, attempts=0, claimed_at=None
    )
    transaction.on_commit(lambda: enqueue(notification.pk))


def was_sent(key: str) -> bool:
    return Notification.objects.filter(key=key, status=Notification.Status.SENT).exists()


def _encode(filename: str, content, mimetype: str) -> dict:
    if isinstance(content, str):
        content = content.encode()
    return {
        "filename": filename,
        "content": base64.b64encode(content).decode("ascii"),
        "mimetype": mimetype,
    }


def _message(notification: Notification) -> EmailMessage:
    message = EmailMessage(
        subject=notification.subject,
        body=notification.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.to],
        headers=notification.headers or None,
    )
    for attachment in notification.attachments:
        message.attach(
            attachment["filename"],
            base64.b64decode(attachment["content"]),
            attachment["mimetype"],
        )
    return message
