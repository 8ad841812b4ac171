from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Public site pages"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
