"""UK GDPR plumbing shared by every app: subject access export and erasure.

Each app registers what it holds about a person in its own `privacy.py`:

    @personal_data_exporter("applications")
    def export_applications(user): return [...]

    @personal_data_eraser
    def erase_applications(user): ...

`export_personal_data(user)` gathers every section into one JSON-ready dict;
`erase_account(user)` runs the erasers, then deletes the account.
"""

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

_exporters: dict[str, Callable] = {}
_erasers: list[Callable] = []
_discovered = False


def personal_data_exporter(section: str):
    def register(func):
        _exporters[section] = func
        return func

    return register


def personal_data_eraser(func):
    _erasers.append(func)
    return func


def _discover():
    global _discovered
    if not _discovered:
        autodiscover_modules("privacy")
        _discovered = True


def export_personal_data(user) -> dict:
    _discover()
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "roles": sorted(user.groups.values_list("name", flat=True)),
        },
    }
    for section, exporter in sorted(_exporters.items()):
        data[section] = exporter(user)
    return data


@transaction.atomic
def erase_account(user) -> None:
    """Delete a person's account and what hangs off it, anonymising what must be kept."""
    _discover()
    for eraser in _erasers:
        eraser(user)
    user.delete()
