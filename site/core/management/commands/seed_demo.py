"""Build a believable demo portal. Idempotent: running it twice changes nothing more.

Each app contributes a `demo.py` with `seed(log)`; they run in INSTALLED_APPS order, so
accounts (people, teams) come before the pages and records that refer to them.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Create demo content and one user for every role (development only)."

    def handle(self, *args, **options):
        if settings.PORTAL_ENV == "production" or not settings.PORTAL_ALLOW_DEMO_DATA:
            raise CommandError(
                "seed_demo creates accounts with published passwords and will not run "
                "under production settings."
            )
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.demo"
            try:
                module = import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name == module_name:
                    continue
                raise
            self.stdout.write(f"Seeding {app_config.label}…")
            with transaction.atomic():
                module.seed(self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Demo portal ready."))
