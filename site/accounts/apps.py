from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and staff"

    def ready(self):
        from . import signal_handlers  # noqa: F401
