from django.apps import AppConfig


class VacanciesConfig(AppConfig):
    name = "vacancies"
    verbose_name = "Vacancies and applications"

    def ready(self):
        from . import signal_handlers  # noqa: F401
