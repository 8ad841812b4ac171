"""UK GDPR plumbing shared by every app: which fields are personal, subject access export
and erasure.

Each app declares, in its own `privacy.py`, every field of every model it owns as personal
or not (`declare_personal_data`), and which personal fields a person may reuse on their
next application and which identify them to a shortlister. Retention and erasure
(`anonymised_values`), the data download (`personal_values`) and the forms read that one
declaration; a test fails when a model gains a field nobody classified.

Each app also registers what it holds about a person for the download and for erasure:

    @personal_data_exporter("applications")
    def export_applications(user): return [...]

    @personal_data_eraser
    def erase_applications(user): ...

`export_personal_data(user)` gathers every section into one JSON-ready dict;
`erase_account(user)` runs the erasers, then deletes the account.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

_exporters: dict[str, Callable] = {}
_declarations: dict[type, "PersonalData"] = {}
_erasers: list[Callable] = []
_discovered = False


@dataclass(frozen=True)
class PersonalData:
    """How one model's fields are classified.

    - `personal`: about an identifiable person (or the link to their account). Shown in
      their data download; blanked when the record is anonymised.
    - `not_personal`: everything else (dates, statuses, choices kept for statistics, the
      links between records). Kept when the record is anonymised.
    - `reusable`: what the person told us about themselves that is carried into their
      next application (never answers written for one particular job).
    - `identifying`: personal fields that name or point to the person, hidden from
      anonymised (shortlisting) views.
    """

    personal: frozenset[str]
    not_personal: frozenset[str]
    reusable: frozenset[str] = frozenset()
    identifying: frozenset[str] = frozenset()

    def problems(self, model) -> list[str]:
        """Why this declaration does not fit the model (empty when it does)."""
        own = {f.name for f in model._meta.concrete_fields if f.model is model}
        label = model._meta.label
        found = []
        if both := self.personal & self.not_personal:
            found.append(f"{label}: both personal and not personal: {sorted(both)}")
        if unclassified := own - self.personal - self.not_personal:
            found.append(f"{label}: fields not classified: {sorted(unclassified)}")
        if unknown := (self.personal | self.not_personal) - own:
            found.append(f"{label}: no such fields: {sorted(unknown)}")
        if stray := self.identifying - self.personal:
            found.append(f"{label}: identifying but not personal: {sorted(stray)}")
        if unknown := self.reusable - own:
            found.append(f"{label}: reusable fields it does not have: {sorted(unknown)}")
        return found


def declare_personal_data(
    model,
    *,
    personal: Iterable[str],
    not_personal: Iterable[str],
    reusable: Iterable[str] = (),
    identifying: Iterable[str] = (),
) -> PersonalData:
    declaration = PersonalData(
        personal=frozenset(personal),
        not_personal=frozenset(not_personal),
        reusable=frozenset(reusable),
        identifying=frozenset(identifying),
    )
    _declarations[model] = declaration
    return declaration


def declaration_for(model) -> PersonalData:
    """The model's declaration; a model nobody declared is a bug, so this raises."""
    _discover()
    model = model._meta.concrete_model
    try:
        return _declarations[model]
    except KeyError:
        raise LookupError(f"{model._meta.label} has no personal-data declaration") from None


def declared_models() -> dict[type, PersonalData]:
    _discover()
    return dict(_declarations)


def _ordered(model, names) -> list[str]:
    """Field names in the model's own order, so forms and downloads read naturally."""
    return [f.name for f in model._meta.concrete_fields if f.name in names]


def personal_fields(model) -> list[str]:
    return _ordered(model, declaration_for(model).personal)


def reusable_fields(model) -> list[str]:
    return _ordered(model, declaration_for(model).reusable)


def identifying_fields(model) -> frozenset[str]:
    return declaration_for(model).identifying


def personal_values(instance) -> dict:
    """The person's own data held in this record, for their data download (files by
    whether one is held, foreign keys by their text)."""
    values = {}
    for name in personal_fields(instance._meta.model):
        field = instance._meta.get_field(name)
        value = getattr(instance, name)
        if field.is_relation:
            value = str(value) if value is not None else None
        elif hasattr(value, "name") and hasattr(value, "storage"):  # a stored file
            value = bool(value)
        elif isinstance(value, datetime.date):  # dates and times as ISO 8601 text
            value = value.isoformat()
        values[name] = value
    return values


def anonymised_values(model, **replacements) -> dict:
    """Field values that blank every personal field of `model` (None where the column may
    be null, the empty value otherwise); `replacements` override some (e.g. a placeholder
    e-mail address where the column must stay unique and filled)."""
    values = {}
    for name in personal_fields(model):
        field = model._meta.get_field(name)
        if field.null:
            values[field.attname] = None
        elif field.get_internal_type() == "JSONField":
            values[field.attname] = field.get_default()
        else:
            values[field.attname] = ""
    unknown = set(replacements) - set(personal_fields(model))
    if unknown:
        raise ValueError(f"Not personal fields of {model._meta.label}: {sorted(unknown)}")
    values.update(replacements)
    return values


def anonymise(instance, **replacements) -> list[str]:
    """Blank the personal fields of one record in memory (stored files are deleted);
    returns the fields changed, for `save(update_fields=...)`."""
    changed = []
    for attname, value in anonymised_values(instance._meta.model, **replacements).items():
        current = getattr(instance, attname)
        if hasattr(current, "storage") and current:
            current.delete(save=False)
        setattr(instance, attname, value)
        changed.append(attname)
    return changed


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
        # Every field accounts/privacy.py declares personal, and the roles held.
        "account": {
            **personal_values(user),
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
