"""Keep the vacancy search's cache honest: any change to what it counts starts a new
version (see search_cache). Publishing, unpublishing, editing, scheduling and deleting a
vacancy all save or delete the page; role families and localities label the filters."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.signals import page_published, page_unpublished

from accounts.models import Locality, RoleFamily
from core import page_cache
from vacancies import search_cache
from vacancies.models import VacancyIndexPage, VacancyPage


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
