from celery import shared_task


@shared_task
def send_reminders():
    """Daily: supervision due, reviews due within 14 days and overdue items, each once."""
    from .services.reminders import send_reminders as send

    return send()
