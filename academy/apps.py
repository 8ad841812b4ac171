from django.apps import AppConfig


class AcademyConfig(AppConfig):
    name = "academy"
    verbose_name = "Workforce academy"

    def ready(self):
        from . import signal_handlers  # noqa: F401
