"""Move the pages version (core.page_cache) whenever something a public page shows changes."""

from functools import cache

from django.db.models.signals import post_delete, post_save
from modelcluster.fields import ParentalKey
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.hooks import search_for_hooks
from wagtail.images.models import AbstractImage
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from core.page_cache import forget_pages

# Models that are neither pages nor snippets but are listed on cached pages (the sitemap).
ALSO_SHOWN = {"fostering.informationevent"}


@cache
def shown_on_pages(model) -> bool:
    """Pages, snippets, settings (the menus among them), images and documents, and the
    inline rows (ParentalKey) of any of those. Not renditions, bookings or sessions."""
    search_for_hooks()  # snippets are registered by the apps' wagtail_hooks modules
    if issubclass(model, Page | BaseSiteSetting | BaseGenericSetting):
        return True
    if issubclass(model, AbstractImage | AbstractDocument):
        return True
    if model in get_snippet_models() or model._meta.label_lower in ALSO_SHOWN:
        return True
    return any(
        isinstance(field, ParentalKey) and shown_on_pages(field.related_model)
        for field in model._meta.get_fields()
        if field.concrete and field.is_relation
    )


def content_changed(sender, **kwargs):
    if kwargs.get("raw"):  # fixtures
        return
    if shown_on_pages(sender):
        forget_pages()


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(forget_pages, dispatch_uid=f"core-pages-{signal!r}")
    post_save.connect(content_changed, dispatch_uid="core-pages-save")
    post_delete.connect(content_changed, dispatch_uid="core-pages-delete")
