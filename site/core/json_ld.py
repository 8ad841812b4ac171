"""The one way JSON-LD is printed: inside a <script> element, where "</script>" in a page
title (or any <, > or &) must not end the element or start markup."""

import json

from django.utils.safestring import SafeString, mark_safe

_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def escape(text: str) -> SafeString:
    """JSON text made safe inside a script element (the escaped forms are valid JSON)."""
    return mark_safe(str(text).translate(_ESCAPES))  # noqa: S308 - <, > and & are escaped


def dumps(data) -> SafeString:
    return escape(json.dumps(data, ensure_ascii=False))
