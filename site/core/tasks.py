"""Celery tasks for the shared outbox (see core.notifications)."""

from celery import shared_task


@shared_task(autoretry_for=())
def send_notification(notification_id: int) -> bool:
    """Send one outbox row, once; a redelivery finds it claimed or sent and does nothing."""
    from .notifications import deliver

    return deliver(notification_id)


@shared_task(autoretry_for=())
def sweep_notifications() -> int:
    """Hand over again rows the broker never took or whose worker died (every minute)."""
    from .notifications import sweep

    return sweep()
