"""The header and footer menus, read once and kept in the shared cache.

Every public page shows both menus; reading them costs four queries a page. The links
(text and address) are cached per site under a version number that moves whenever a
menu is edited or a page is published, unpublished, moved or deleted, since any of
those can change a link's address. A ten-minute expiry is the safety net.
"""

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "cms:menus:version"
TIMEOUT = 600


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    return version


def forget_menus(**kwargs) -> None:
    """Make every cached menu stale once the current transaction commits."""

    def bump():
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # not set yet (or evicted): the next read starts afresh
            cache.add(VERSION_KEY, 1, timeout=None)

    transaction.on_commit(bump)


def menu_links(request, related_name: str) -> list[tuple[str, str]]:
    """[(text, href)] for the site's main menu or footer links, in the editor's order."""
    from wagtail.models import Site

    from cms.models import NavigationSettings

    site = Site.find_for_request(request)
    if site is None:  # no Site yet (a fresh database)
        return []
    key = f"cms:menus:{_version()}:{site.pk}:{related_name}"
    links = cache.get(key)
    if links is None:
        menu = NavigationSettings.for_site(site)
        items = getattr(menu, related_name).select_related("link_page")
        links = [(item.text, item.href(request)) for item in items]
        cache.set(key, links, timeout=TIMEOUT)
    return links
