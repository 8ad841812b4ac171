from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "workforce"
    verbose_name = "Workforce record"

    def ready(self):
        from . import signal_handlers  # noqa: F401
