"""The portal's Celery app: tasks that send e-mail and change records.

Defaults suit that work: tasks are acknowledged only after they finish (a worker that
dies mid-task hands it back), retried with exponential back-off on transient errors,
and written to be idempotent so a retry never sends a second e-mail or double-books.
"""

import os

from celery import Celery, Task

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


class PortalTask(Task):
    autoretry_for = (ConnectionError, TimeoutError, OSError)
    retry_backoff = 10
    retry_backoff_max = 600
    retry_jitter = True
    max_retries = 5
    acks_late = True


app = Celery("portal", task_cls=PortalTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
