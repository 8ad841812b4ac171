from django.apps import AppConfig


class FosteringConfig(AppConfig):
    name = "fostering"
    verbose_name = "Fostering"

    def ready(self):
        from . import signal_handlers  # noqa: F401
