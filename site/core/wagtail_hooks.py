from wagtail import hooks

from core import page_cache


@hooks.register("before_serve_page")
def allow_whole_page_cache(page, request, serve_args, serve_kwargs):
    """Pages say whether their whole output may be cached for anonymous visitors."""
    if getattr(page, "whole_page_cache", False):
        page_cache.allow(request)
