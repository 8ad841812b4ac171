"""Figures read from employment spells (never from the staff profile's copy)."""

from decimal import Decimal

from django.db.models import Count, Sum

from accounts.models import EmploymentType

from .models import EmploymentSpell

# The groupings the current-figures table offers: key -> (label, spell field, label field).
GROUPINGS = {
    "employment_type": ("Employment type", "employment_type", None),
    "team": ("Team", "team_id", "team__name"),
    "locality": ("Locality", "locality_id", "locality__name"),
    "job_role": ("Job role", "job_role_id", "job_role__name"),
}


def current_figures(group_by: str = "employment_type", on=None) -> list[dict]:
    """Headcount and FTE of the spells active on `on`, one row per group, largest first."""
    _label, field, name_field = GROUPINGS[group_by]
    values = [field] + ([name_field] if name_field else [])
    rows = (
        EmploymentSpell.objects.active_on(on)
        .values(*values)
        .annotate(headcount=Count("profile", distinct=True), fte=Sum("fte"))
        .order_by("-headcount", *values)
    )
    labels = dict(EmploymentType.choices)
    result = []
    for row in rows:
        if name_field:
            name = row[name_field] or "Not recorded"
        else:
            name = labels.get(row[field], row[field])
        result.append({"group": name, "headcount": row["headcount"], "fte": row["fte"]})
    return result


def totals(on=None) -> dict:
    spells = EmploymentSpell.objects.active_on(on)
    agg = spells.aggregate(headcount=Count("profile", distinct=True), fte=Sum("fte"))
    return {"headcount": agg["headcount"] or 0, "fte": agg["fte"] or Decimal("0")}
