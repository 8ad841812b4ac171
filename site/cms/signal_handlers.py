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


def moderate_every_page(**kwargs):
    """After migrate: every page, in any environment, goes through the approval workflow
    (not only on a seeded demo), instead of Wagtail's starter "Moderators approval"."""
    from wagtail.models import Page

    from .workflows import ensure_moderation_workflow

    root = Page.get_first_root_node()
    if root is not None:
        ensure_moderation_workflow(root)
