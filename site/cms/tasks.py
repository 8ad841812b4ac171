import io

from celery import shared_task
from django.core.management import call_command


@shared_task
def publish_scheduled_pages():
    """Publish pages whose go-live time has passed and unpublish expired ones.

    Idempotent: Wagtail's command acts only on revisions still waiting."""
    call_command("publish_scheduled")


@shared_task
def forget_old_search_terms():
    """Delete search terms and their daily hit counts older than WAGTAILSEARCH_HITS_MAX_AGE
    days (a visitor may type a name into the search box), keeping terms with promotions.

    Idempotent: it deletes only what has aged out."""
    call_command("searchpromotions_garbage_collect", stdout=io.StringIO())
