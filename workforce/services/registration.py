"""Social Work England registration: checks, renewals, CPD readiness and reminders."""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from academy.models import AcademySettings, CpdEntry, registration_year
from accounts.models import StaffProfile, swe_number_validator
from core.notifications import absolute_url, notify

from ..errors import WorkforceError
from ..models import RegistrationCheck, RegistrationRenewal, WorkforceSettings


def year_for(on: datetime.date):
    """(first day, last day, renewal opens) of the registration year containing `on`."""
    rules = AcademySettings.load()
    start, end = registration_year(on, rules)
    opens = datetime.date(end.year, rules.cpd_renewal_opens_month, rules.cpd_renewal_opens_day)
    return start, end, opens


def registered_social_workers(on=None):
    """Current staff holding a registration number."""
    return (
        StaffProfile.objects.current(on)
        .exclude(swe_registration_number="")
        .select_related("user", "team", "job_role", "line_manager")
    )


def cpd_readiness(profiles, on=None) -> dict[int, dict]:
    """For each profile id: CPD pieces this registration year, peer-reflected ones, ready?"""
    on = on or timezone.localdate()
    rules = AcademySettings.load()
    start, end = registration_year(on, rules)
    users = {p.user_id: p.pk for p in profiles}
    counts = {pk: {"pieces": 0, "peer": 0} for pk in users.values()}
    entries = CpdEntry.objects.filter(user_id__in=users, activity_date__range=(start, end)).exclude(
        status=CpdEntry.Status.DRAFT
    )
    for entry in entries.only("user_id", "peer_reflection"):
        row = counts[users[entry.user_id]]
        row["pieces"] += 1
        row["peer"] += 1 if entry.is_peer_reflected else 0
    for row in counts.values():
        row["ready"] = (
            row["pieces"] >= rules.cpd_minimum_entries
            and row["peer"] >= rules.cpd_minimum_peer_reflected
        )
    return counts


def record_check(profile, *, checked_on, outcome, by, note="") -> RegistrationCheck:
    """Record that `by` looked the person's number up on the public register."""
    number = profile.swe_registration_number
    if not number:
        raise WorkforceError("Add the registration number before recording a check.")
    if checked_on > timezone.localdate():
        raise WorkforceError("The date of the check cannot be in the future.")
    if outcome not in RegistrationCheck.Outcome.values:
        raise WorkforceError("Choose what the register showed.")
    return RegistrationCheck.objects.create(
        profile=profile,
        registration_number=number,
        checked_on=checked_on,
        checked_by=by,
        outcome=outcome,
        note=note,
    )


def set_registration_number(profile, number: str) -> StaffProfile:
    number = (number or "").strip().upper().replace(" ", "")
    from django.core.exceptions import ValidationError

    try:
        swe_number_validator(number)
    except ValidationError as exc:
        raise WorkforceError(exc.messages[0]) from exc
    profile.swe_registration_number = number
    profile.save(update_fields=["swe_registration_number", "updated_at"])
    return profile


def record_renewal(profile, *, by, on=None) -> RegistrationRenewal:
    """Record the renewal for the registration year that follows the current one's renewal
    window (renewing in September to November is for the year starting 1 December)."""
    on = on or timezone.localdate()
    start, end, opens = year_for(on)
    year_start = end + datetime.timedelta(days=1) if on >= opens else start
    renewal, _ = RegistrationRenewal.objects.get_or_create(
        profile=profile, year_start=year_start, defaults={"recorded_on": on, "recorded_by": by}
    )
    return renewal


def renewal_not_recorded(on=None):
    """From the start of a registration year: registered people with no renewal for it."""
    on = on or timezone.localdate()
    start, _end, _opens = year_for(on)
    renewed = RegistrationRenewal.objects.filter(year_start=start).values("profile_id")
    return registered_social_workers(on).exclude(pk__in=renewed)


def send_cpd_reminders(today=None) -> int:
    """From renewal opening to the end of the year, remind each registered social worker
    whose CPD is not yet enough, copying their manager; once per reminder period each.

    The notification key names the person and the period, so however often this runs a
    person gets one reminder a fortnight (by default) until their CPD is ready.
    """
    today = today or timezone.localdate()
    start, end, opens = year_for(today)
    if not opens <= today <= end:
        return 0
    interval = WorkforceSettings.load().reminder_interval_days or 14
    period = (today - opens).days // interval
    profiles = list(registered_social_workers(today))
    readiness = cpd_readiness(profiles, today)
    sent = 0
    for profile in profiles:
        progress = readiness[profile.pk]
        if progress["ready"]:
            continue
        context = {
            "profile": profile,
            "progress": progress,
            "deadline": end,
            "cpd_url": absolute_url(reverse("academy:cpd")),
        }
        with transaction.atomic():
            key = f"workforce.cpd-reminder:{profile.pk}:{opens:%Y}:{period}"
            if notify(
                key,
                to=profile.user.email,
                template="workforce/emails/cpd_reminder",
                context=context,
            ):
                sent += 1
            manager = profile.line_manager
            if manager is not None:
                notify(
                    f"{key}:manager",
                    to=manager.email,
                    template="workforce/emails/cpd_reminder_manager",
                    context={**context, "manager": manager},
                )
    return sent
