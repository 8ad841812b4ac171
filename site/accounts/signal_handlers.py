from django.db.models.signals import post_migrate
from django.dispatch import receiver


@receiver(post_migrate)
def sync_role_groups(sender, app_config=None, using="default", **kwargs):
    # post_migrate fires once per app; the last app's signal sees every permission.
    from django.apps import apps

    if app_config is None or app_config.label != list(apps.get_app_configs())[-1].label:
        return
    from .roles import sync_roles

    sync_roles()
