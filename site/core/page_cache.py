"""Whole public pages kept in the shared cache for anonymous visitors, with a fresh CSP nonce
(and CSRF token, where a form needs one) in every response.

Why not what Django and Wagtail already offer:
- Django's `cache_page` / `UpdateCacheMiddleware` store the response as it left the view, so
  every visitor would get the nonce of the first one, and django-csp writes a new nonce into
  each response's header: the inline scripts would be blocked. It also keys by the whole
  `Cookie` header once a page varies on it, which makes every visitor with a CSRF cookie a
  miss. Its helpers (`get_max_age`, `patch_vary_headers`, `cc_delim_re`) are used below.
- wagtail-cache (CodeRed) has the same nonce problem (it stores the body as rendered) and
  keys on its own "wagtail-cache" signal rather than on the versions this portal already
  keeps, so the vacancy closing times would not reach it.

So the page is stored with the nonce replaced by a marker and each response gets its own
nonce put back in (django-csp then writes the same nonce into the header, because the
request's nonce was read). The marker is derived from SECRET_KEY, so page content cannot
name it, and a page that happens to contain it is simply not cached. A form's CSRF token
(the portal prints it only with `{% csrf_token %}`) is stored the same way and filled per
response with the visitor's own token; Django's CSRF middleware then sets their cookie.

What is cached: a GET that Wagtail served from a page type that allows it (BasePage's
`whole_page_cache`), answered 200, that set no cookie, changed no session and queued no
message, and whose CSRF tokens (if any) are all in `{% csrf_token %}` inputs, for a visitor
with no session cookie and no message cookie (so never a signed-in person: signing in sets
the session cookie, and a request that has one is never served from, nor stored in, the
cache).

What makes it stale: the key holds the "pages version" (moved when a page is published,
unpublished, moved, saved or deleted, or a snippet, setting, menu, image or document
changes: see `signal_handlers.py`) and every version registered with `depends_on`, such as
the vacancies version that also moves at the next vacancy closing time. The timeout is only
the backstop.
"""

import contextlib
import hashlib
import re
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import cc_delim_re, get_max_age, patch_vary_headers
from django.utils.crypto import salted_hmac

VERSION_KEY = "core:pages:version"
TIMEOUT = 600  # seconds; the backstop, not the main way pages go stale
HEADER = "X-Page-Cache"
# The django-csp settings a view can attach to its response (decorators): kept with the page.
CSP_ATTRIBUTES = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)

_dependencies: list[Callable[[], object]] = []


def depends_on(version: Callable[[], object]) -> None:
    """Key every cached page by `version()` too (an app's own version, e.g. vacancies)."""
    _dependencies.append(version)


def pages_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A new number rather than 1, so an evicted counter never reuses an old key.
        version = time.time_ns()
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY, version)
    return version


def _bump() -> None:
    # Not set (or evicted): the next read starts a new number.
    with contextlib.suppress(ValueError):
        cache.incr(VERSION_KEY)


def forget_pages(**kwargs) -> None:
    """Make every cached page stale now and again once the transaction commits, so a
    request in between cannot store the page being replaced under the new version."""
    _bump()
    transaction.on_commit(_bump)


def allow(request) -> None:
    """Called by the view (a Wagtail hook for pages): this response may be cached."""
    request.whole_page_cache = True


def enabled() -> bool:
    return getattr(settings, "PORTAL_PAGE_CACHE", True)


def _marker(name: str = "nonce") -> bytes:
    return ("pcm" + salted_hmac("core.page_cache", name).hexdigest()[:29]).encode()


# What {% csrf_token %} prints: a masked token of 64 letters and digits.
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")([A-Za-z0-9]{64})(")')


def request_is_eligible(request) -> bool:
    """A request that can only ever see the anonymous page: never a signed-in person."""
    return (
        enabled()
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path_info.startswith(settings.PORTAL_ADMIN_PATH)
    )


def cache_key(request) -> str:
    parts = [str(pages_version()), *(str(version()) for version in _dependencies)]
    url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()[:40]
    return f"core:page:{'-'.join(parts)}:{url}"


def _cacheable(request, response) -> bool:
    if not getattr(request, "whole_page_cache", False) or request.method != "GET":
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and getattr(messages, "added_new", False):
        return False
    control = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not (control & {"private", "no-store", "no-cache"} or get_max_age(response) == 0)


def store(request, response, key: str) -> None:
    if not _cacheable(request, response):
        return
    content = response.content
    marker, csrf_marker = _marker(), _marker("csrf")
    if marker in content or csrf_marker in content:
        return
    has_csrf = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
    if has_csrf:
        # One visitor's token must never reach another: every token goes, or no caching.
        content, count = CSRF_INPUT.subn(rb"\1" + csrf_marker + rb"\3", content)
        token = request.META.get("CSRF_COOKIE", "")
        if count == 0 or (token and token.encode() in content):
            return
    nonce = getattr(request, "_csp_nonce", None)
    has_nonce = isinstance(nonce, str) and nonce.encode() in content
    if has_nonce:
        content = content.replace(nonce.encode(), marker)
    entry = {
        "content": content,
        "status": response.status_code,
        "headers": [(k, v) for k, v in response.headers.items() if k.lower() != "vary"],
        "has_nonce": has_nonce,
        "has_csrf": has_csrf,
        "csp": {
            name: getattr(response, name) for name in CSP_ATTRIBUTES if hasattr(response, name)
        },
    }
    cache.set(key, entry, TIMEOUT)
    response[HEADER] = "miss"


def fetch(request, key: str) -> HttpResponse | None:
    entry = cache.get(key)
    if entry is None:
        return None
    content = entry["content"]
    if entry["has_nonce"]:
        # Reading the nonce makes django-csp put this same value in the header.
        content = content.replace(_marker(), str(request.csp_nonce).encode())
    if entry["has_csrf"]:
        content = content.replace(_marker("csrf"), get_token(request).encode())
    response = HttpResponse(content, status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    for name, value in entry["csp"].items():
        setattr(response, name, value)
    # A signed-in visitor gets another page at this address.
    patch_vary_headers(response, ["Cookie"])
    response[HEADER] = "hit"
    return response
