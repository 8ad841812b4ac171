"""Template helpers for the public site: menus, JSON-LD and search highlighting."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core import json_ld

register = template.Library()

# Used only when an administrator has not set up the menus yet.
DEFAULT_MAIN_MENU = [
    ("Work with us", "/work-with-us/"),
    ("Vacancies", "/vacancies/"),
    ("Foster with us", "/fostering/"),
    ("Our academy", "/academy/"),
    ("The Southampton Way", "/the-southampton-way/"),
    ("News", "/news/"),
]
DEFAULT_FOOTER_LINKS = [
    ("Privacy", "/privacy/"),
    ("Accessibility statement", "/accessibility/"),
    ("Search", "/search/"),
]


def _links(request, related_name, default):
    from cms.navigation import menu_links

    path = request.path if request else ""
    links = menu_links(request, related_name) if request is not None else []
    links = links or default
    return [
        {
            "text": text,
            "href": href,
            "current": bool(href) and (path == href or (href != "/" and path.startswith(href))),
        }
        for text, href in links
        if href
    ]


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The header menu as [{text, href, current}], from Settings › Navigation menus."""
    return _links(context.get("request"), "main_menu_items", DEFAULT_MAIN_MENU)


@register.simple_tag(takes_context=True)
def footer_menu(context):
    return _links(context.get("request"), "footer_links", DEFAULT_FOOTER_LINKS)


@register.filter
def jsonld(value: str):
    """JSON made safe inside a <script> element: no way to close the element early."""
    return json_ld.escape(value)


@register.filter
def highlight(text, query):
    """Escape `text` and wrap each word of the search `query` in <mark>."""
    text = escape(text or "")
    words = [re.escape(escape(word)) for word in (query or "").split() if len(word) > 1]
    if not words:
        return mark_safe(text)  # noqa: S308 - escaped above
    pattern = re.compile("(" + "|".join(words) + ")", re.IGNORECASE)
    return mark_safe(pattern.sub(r"<mark>\1</mark>", text))  # noqa: S308 - escaped above
