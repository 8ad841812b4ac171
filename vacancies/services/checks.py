"""Pre-employment (safer-recruitment) checks for a conditional offer."""

from vacancies.models.applications import CheckKind, CheckStatus, PreEmploymentCheck


def open_checks(application) -> list[PreEmploymentCheck]:
    """Create the set of checks this hire needs (idempotent). Registration is required only
    when the vacancy asks for Social Work England registration."""
    checks = []
    for kind in CheckKind:
        required = kind != CheckKind.SWE or application.vacancy.requires_swe_registration
        check, _ = PreEmploymentCheck.objects.get_or_create(
            application=application,
            kind=kind,
            defaults={
                "required": required,
                "status": CheckStatus.OUTSTANDING if required else CheckStatus.NOT_REQUIRED,
            },
        )
        checks.append(check)
    return checks


def record_check(check, *, status, checked_on, note, by) -> PreEmploymentCheck:
    check.status = status
    check.checked_on = checked_on
    check.note = note
    check.updated_by = by
    check.save()
    return check
