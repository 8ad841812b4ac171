from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Public site pages"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signal_handlers

        signal_handlers.connect()
        post_migrate.connect(signal_handlers.moderate_every_page, sender=self)
