from celery import shared_task
from django.core.management import call_command


@shared_task
def publish_scheduled_pages():
    """Publish pages whose go-live time has passed and unpublish expired ones.

    Idempotent: Wagtail's command acts only on revisions still waiting."""
    call_command("publish_scheduled")
