"""Adding and ending employment spells; the staff profile follows the current spell."""

import datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction

from accounts.models import EmploymentType, StaffProfile

from ..errors import WorkforceError
from ..models import EmploymentSpell, LeavingReason

ONE_DAY = datetime.timedelta(days=1)


def _fte(value) -> Decimal:
    try:
        fte = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError) as exc:
        raise WorkforceError("Enter the FTE as a number from 0.01 to 1.00.") from exc
    if not Decimal("0.01") <= fte <= Decimal("1.00"):
        raise WorkforceError("Enter the FTE as a number from 0.01 to 1.00.")
    return fte


def _check_dates(profile, start, end, *, ignore=None):
    if end is not None and end < start:
        raise WorkforceError("The end date must be the same as or after the start date.")
    others = profile.spells.overlapping(start, end)
    if ignore is not None:
        others = others.exclude(pk=ignore.pk)
    clash = others.order_by("start_date").first()
    if clash is not None:
        raise WorkforceError(
            f"These dates overlap an existing employment spell ({clash}). "
            "End that spell first, or choose dates outside it."
        )


def sync_profile(profile: StaffProfile) -> StaffProfile:
    """Copy the latest spell onto the staff profile, which other apps read."""
    spell = profile.spells.order_by("-start_date").first()
    if spell is None:
        return profile
    profile.employment_type = spell.employment_type
    profile.job_role_id = spell.job_role_id
    profile.team_id = spell.team_id
    profile.locality_id = spell.locality_id
    profile.line_manager_id = spell.line_manager_id
    profile.start_date = spell.start_date
    profile.end_date = spell.end_date
    profile.save()
    return profile


def open_first_spell(profile: StaffProfile, *, fte=Decimal("1.00"), by=None) -> EmploymentSpell:
    """The first spell of a profile that has none, taken from the profile's own fields."""
    return EmploymentSpell.objects.create(
        profile=profile,
        employment_type=profile.employment_type,
        job_role_id=profile.job_role_id,
        team_id=profile.team_id,
        locality_id=profile.locality_id or (profile.team.locality_id if profile.team_id else None),
        line_manager_id=profile.line_manager_id,
        fte=_fte(fte),
        start_date=profile.start_date,
        end_date=profile.end_date,
        recorded_by=by,
    )


def start_employment(
    profile: StaffProfile,
    *,
    employment_type,
    job_role,
    team,
    start: datetime.date,
    locality=None,
    line_manager=None,
    fte=Decimal("1.00"),
    reason: str = LeavingReason.MOVE,
    note: str = "",
    by=None,
) -> EmploymentSpell:
    """End the person's current spell the day before `start` and open a new one.

    History is kept: the old spell stays with its end date and `reason` for leaving it
    (a conversion, a move). The staff profile then mirrors the new spell. Refused, with
    nothing changed, if the new spell would overlap another or start before the current one.
    """
    if employment_type not in EmploymentType.values:
        raise WorkforceError("Choose an employment type.")
    if reason and reason not in LeavingReason.values:
        raise WorkforceError("Choose a reason for ending the current spell.")
    if line_manager is not None and line_manager.pk == profile.user_id:
        raise WorkforceError("A person cannot be their own line manager.")
    fte = _fte(fte)
    with transaction.atomic():
        current = profile.spells.select_for_update().filter(end_date__isnull=True).first()
        if current is not None:
            if start <= current.start_date:
                raise WorkforceError(
                    f"The new spell must start after the current one began "
                    f"({current.start_date:%-d %B %Y})."
                )
            current.end_date = start - ONE_DAY
            current.leaving_reason = reason
            current.leaving_note = note
            current.save(update_fields=["end_date", "leaving_reason", "leaving_note"])
        _check_dates(profile, start, None, ignore=current)
        spell = EmploymentSpell.objects.create(
            profile=profile,
            employment_type=employment_type,
            job_role=job_role,
            team=team,
            locality=locality or team.locality,
            line_manager=line_manager,
            fte=fte,
            start_date=start,
            recorded_by=by,
        )
        sync_profile(profile)
    return spell


def end_employment(
    profile: StaffProfile, *, end: datetime.date, reason: str, note: str = "", by=None
) -> EmploymentSpell:
    """A leaver: end the current spell on `end` with the reason for leaving."""
    if reason not in LeavingReason.values:
        raise WorkforceError("Choose a reason for leaving.")
    with transaction.atomic():
        current = profile.spells.select_for_update().filter(end_date__isnull=True).first()
        if current is None:
            raise WorkforceError("This person has no current employment spell to end.")
        if end < current.start_date:
            raise WorkforceError("The end date must be the same as or after the start date.")
        current.end_date = end
        current.leaving_reason = reason
        current.leaving_note = note
        current.save(update_fields=["end_date", "leaving_reason", "leaving_note"])
        sync_profile(profile)
    return current


def employ(
    user,
    *,
    employment_type,
    job_role,
    team,
    start: datetime.date,
    locality=None,
    line_manager=None,
    fte=Decimal("1.00"),
    reason: str = LeavingReason.CONVERSION,
    by=None,
    **profile_fields,
) -> StaffProfile:
    """Put `user` into a post from `start`: a first spell for a newcomer, or a new spell
    (ending the current one with `reason`) for someone already on the record.

    `profile_fields` (e.g. `swe_registration_number`, `is_nqsw_first_year`) are set on the
    staff profile. This is what a hire calls.
    """
    with transaction.atomic():
        profile = StaffProfile.objects.select_for_update().filter(user=user).first()
        if profile is None:
            profile = StaffProfile(
                user=user,
                employment_type=employment_type,
                job_role=job_role,
                team=team,
                locality=locality,
                line_manager=line_manager,
                start_date=start,
                **profile_fields,
            )
            profile._first_spell_fte = _fte(fte)
            profile._recorded_by = by
            profile.save()
            return profile
        for name, value in profile_fields.items():
            setattr(profile, name, value)
        if profile_fields:
            profile.save(update_fields=list(profile_fields))
        if not profile.spells.exists():
            open_first_spell(profile, by=by)
        start_employment(
            profile,
            employment_type=employment_type,
            job_role=job_role,
            team=team,
            start=start,
            locality=locality,
            line_manager=line_manager,
            fte=fte,
            reason=reason,
            by=by,
        )
        profile.refresh_from_db()
    return profile
