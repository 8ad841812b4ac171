"""The vacancy search's shared cache: facet counts, the result total and filter labels.

Everything cached here is keyed by a "vacancies version". The version changes when
- a vacancy (or the vacancies index) is published, unpublished, saved or deleted, or a role
  family or locality changes (signal_handlers.py deletes the state, so the next request
  starts a new version), and
- the earliest closing time among open vacancies passes: the state remembers that moment
  and starts a new version once it is reached, so a count never includes a vacancy that
  has closed.
A short timeout bounds anything a race between a save and a concurrent request could leave
behind. The rendered filters and page of results are cached the same way (fragment_key), so a
repeated search renders from the cache without touching the database beyond the page
routing, yet a vacancy that closes leaves every cached page the moment it closes.
"""

import hashlib
import json
import time

from django.core.cache import cache

from vacancies.models.pages import open_vacancies

STATE_KEY = "vacancies:search:state"
TIMEOUT = 120  # seconds; the backstop, not the main way entries go stale


def _state(now) -> dict:
    """{"version": int, "next_close": datetime | None}, started afresh when needed."""
    state = cache.get(STATE_KEY)
    if state is None or (state["next_close"] is not None and now >= state["next_close"]):
        # Ordered and limited rather than MIN(), so PostgreSQL walks the closes_at index.
        next_close = (
            open_vacancies(now).order_by("closes_at").values_list("closes_at", flat=True).first()
        )
        # A new number each time, so entries of an old version are never read again.
        state = {"version": time.time_ns(), "next_close": next_close}
        cache.set(STATE_KEY, state, TIMEOUT)
    return state


def version(now) -> int:
    return _state(now)["version"]


def invalidate() -> None:
    """Start a new version on the next request (a vacancy or its labels changed)."""
    cache.delete(STATE_KEY)


def criteria_key(criteria: dict) -> str:
    """A stable key for the filters that change counts (not sort order or page)."""
    normal = {}
    for name, value in sorted(criteria.items()):
        if name in ("sort", "page") or value in (None, "", []):
            continue
        if name == "q":
            value = " ".join(str(value).lower().split())
        elif isinstance(value, list | tuple | set):
            value = sorted(str(v) for v in value)
        normal[name] = value
    return hashlib.sha256(json.dumps(normal, sort_keys=True).encode()).hexdigest()[:32]


def fragment_key(now, params) -> str:
    """Key for a rendered part of the listing: the version plus the exact query string.

    A fragment cached under a version can only list vacancies that were open when the
    version started and have not changed since, and the version ends at the earliest of
    their closing times, so a cached fragment never shows a closed vacancy.
    """
    pairs = sorted((name, value) for name, values in params.lists() for value in values)
    digest = hashlib.sha256(json.dumps(pairs).encode()).hexdigest()[:32]
    return f"{version(now)}-{digest}"


def get_or_compute(name: str, now, compute):
    """The cached value for `name` in the current version, computing it on a miss."""
    key = f"vacancies:search:{version(now)}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value
