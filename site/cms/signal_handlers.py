"""Keep cached public-site fragments in step with what editors change."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import FooterLink, MainMenuItem, NavigationSettings
from .navigation import forget_menus


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(forget_menus, dispatch_uid=f"cms-menus-{signal!r}")
    for model in (NavigationSettings, MainMenuItem, FooterLink):
        post_save.connect(forget_menus, sender=model, dispatch_uid=f"cms-menus-save-{model}")
        post_delete.connect(forget_menus, sender=model, dispatch_uid=f"cms-menus-del-{model}")
