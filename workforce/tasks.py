from celery import shared_task


@shared_task
def send_cpd_reminders():
    """Daily: fortnightly CPD reminders during Social Work England's renewal window."""
    from .services.registration import send_cpd_reminders as send

    return send()
