"""The outbox: every e-mail is a row first, sent once, never lost to a broker outage."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from core import notifications
from core.models import Notification
from core.tasks import send_notification

pytestmark = pytest.mark.django_db


def _notify(key="test:1", **kwargs):
    kwargs.setdefault("to", "sam@example.com")
    kwargs.setdefault("subject", "Your place is booked")
    kwargs.setdefault("body", "See you there.")
    return notifications.notify(key, **kwargs)


def test_sent_once_after_commit_with_one_subject_style(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _notify(attachments=[("event.ics", b"BEGIN:VCALENDAR", "text/calendar")])
        assert mail.outbox == []  # nothing leaves before the transaction commits
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "[Southampton Way] Your place is booked"
    assert message.attachments[0][0] == "event.ics"
    assert Notification.objects.get().status == Notification.Status.SENT


def test_the_same_notification_is_recorded_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify() is not None
        assert _notify() is None
    assert len(mail.outbox) == 1
    assert Notification.objects.count() == 1


def test_a_redelivered_task_does_not_send_again(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        row = _notify()
    assert send_notification(row.pk) is False
    assert len(mail.outbox) == 1


def test_broker_down_the_request_succeeds_and_the_sweep_sends_later(
    monkeypatch, django_capture_on_commit_callbacks
):
    def broker_down(*args, **kwargs):
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(send_notification, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        row = _notify()
    assert mail.outbox == []
    assert Notification.objects.get(pk=row.pk).status == Notification.Status.PENDING

    monkeypatch.undo()
    assert notifications.sweep() == 0  # too new: its own hand-over may still be on its way
    assert notifications.sweep(now=timezone.now() + timedelta(minutes=2)) == 1
    assert len(mail.outbox) == 1
    assert Notification.objects.get(pk=row.pk).status == Notification.Status.SENT


def test_a_mail_server_failure_is_retried_then_shown_as_failed(
    monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(self, *args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        row = _notify()
    row.refresh_from_db()
    assert row.status == Notification.Status.PENDING
    assert "connection refused" in row.last_error
    for _ in range(notifications.MAX_ATTEMPTS - 1):
        Notification.objects.filter(pk=row.pk).update(claimed_at=None)
        notifications.deliver(row.pk)
    row.refresh_from_db()
    assert row.status == Notification.Status.FAILED

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        notifications.resend(row)
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.status == Notification.Status.SENT


def test_a_claim_whose_worker_died_is_offered_again():
    row = Notification.objects.create(key="test:stale", to="a@example.com", subject="S", body="B")
    Notification.objects.filter(pk=row.pk).update(
        status=Notification.Status.SENDING,
        claimed_at=timezone.now() - timedelta(minutes=30),
        created_at=timezone.now() - timedelta(minutes=30),
    )
    assert notifications.sweep() == 1
    assert len(mail.outbox) == 1
