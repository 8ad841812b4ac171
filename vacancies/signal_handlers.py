"""Keep the vacancy search's cache honest: any change to what it counts starts a new
version (see search_cache). Publishing, unpublishing, editing, scheduling and deleting a
vacancy all save or delete the page; role families and localities label the filters."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.signals import page_published, page_unpublished

from accounts.models import Locality, RoleFamily
from core import page_cache
from vacancies import search_cache
from vacancies.models import VacancyIndexPage, VacancyPage

logger = logging.getLogger(__name__)


def vacancies_changed(sender, **kwargs):
    # After the commit, so a request in between cannot cache the state being replaced.
    transaction.on_commit(search_cache.invalidate)
    search_cache.invalidate()


for model in (VacancyPage, VacancyIndexPage, RoleFamily, Locality):
    post_save.connect(vacancies_changed, sender=model, dispatch_uid=f"vacancy_search_{model}_save")
    post_delete.connect(
        vacancies_changed, sender=model, dispatch_uid=f"vacancy_search_{model}_delete"
    )
for signal in (page_published, page_unpublished):
    signal.connect(vacancies_changed, sender=VacancyPage, dispatch_uid=f"vacancy_search_{signal}")

# Whole cached pages (the home page's latest vacancies, a vacancy's "Apply" button) follow the
# same version, so they go stale at the next closing time too.
page_cache.depends_on(lambda: search_cache.version(timezone.now()))


def keep_search_index_current(sender, instance, **kwargs):
    """With Elasticsearch (vacancies/elastic.py), index a vacancy as it is published or
    unpublished, after the commit. Closing needs nothing: the search filters on closes_at."""
    from vacancies import elastic

    if not elastic.enabled():
        return

    def update():
        try:
            elastic.index_vacancy(instance)
        except Exception:  # the search index must never undo an editor's publish
            logger.exception("Could not update the vacancy index for page %s", instance.pk)

    transaction.on_commit(update)


def drop_from_search_index(sender, instance, **kwargs):
    from vacancies import elastic

    if elastic.enabled():
        transaction.on_commit(lambda: elastic.remove_vacancy(instance.pk))


for signal in (page_published, page_unpublished):
    signal.connect(
        keep_search_index_current, sender=VacancyPage, dispatch_uid=f"vacancy_index_{signal}"
    )
post_delete.connect(drop_from_search_index, sender=VacancyPage, dispatch_uid="vacancy_index_del")
