from django import template
from django.utils.html import format_html

from core import json_ld as json_ld_text

register = template.Library()


@register.simple_tag(takes_context=True)
def json_ld(context, obj, method: str):
    """<script type="application/ld+json"> with obj.<method>(request), escaped, with the
    response's nonce: {% json_ld page "breadcrumb_json_ld" %}. The request is passed so
    absolute URLs reuse the request's site root paths instead of reloading them."""
    request = context.get("request")
    text = getattr(obj, method)(request)
    if not text:
        return ""
    nonce = getattr(request, "csp_nonce", "") if request is not None else ""
    return format_html(
        '<script type="application/ld+json" nonce="{}">{}</script>',
        nonce,
        json_ld_text.escape(text),
    )


@register.simple_tag
def rendition(image, spec: str):
    """{% rendition image "fill-1200x630|format-jpeg" as og %}: like Wagtail's {% image %},
    but a rendition that exists is only read. Wagtail's `get_rendition` writes the rendition
    back to the cache on every call, a cache write on every page view."""
    from wagtail.images.models import Filter

    filter_ = Filter(spec=spec)
    try:
        return image.find_existing_rendition(filter_)
    except image.get_rendition_model().DoesNotExist:
        return image.get_rendition(filter_)
