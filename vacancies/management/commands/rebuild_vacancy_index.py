from django.core.management.base import BaseCommand, CommandError

from vacancies import elastic
from vacancies.models import VacancyPage


class Command(BaseCommand):
    help = "Rebuild the Elasticsearch vacancy index (vacancies/elastic.py) from the database."

    def handle(self, *args, **options):
        if not elastic.enabled():
            raise CommandError(
                "ELASTICSEARCH_URL is not set: the vacancy search uses the database."
            )
        pages = VacancyPage.objects.live().select_related("role_family", "locality")
        count = elastic.rebuild(pages)
        self.stdout.write(f"Indexed {count} live vacancies into {elastic.index_name()}.")
