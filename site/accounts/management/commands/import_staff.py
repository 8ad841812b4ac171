"""Create or update staff accounts and profiles from the HR system's CSV export.

Columns: email, first_name, last_name, employment_type, job_role, team, start_date,
end_date, line_manager_email, swe_registration_number, swe_renewal_date, nqsw_first_year.
Dates are YYYY-MM-DD. Rows are validated first; nothing is written unless every row is
valid, so a bad file changes nothing. New people get no usable password: they set one
through the "forgotten password" link, which allauth rate-limits.
"""

import csv
import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import EmploymentType, JobRole, StaffProfile, Team, User
from accounts.roles import Role

COLUMNS = [
    "email",
    "first_name",
    "last_name",
    "employment_type",
    "job_role",
    "team",
    "start_date",
    "end_date",
    "line_manager_email",
    "swe_registration_number",
    "swe_renewal_date",
    "nqsw_first_year",
]


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


class Command(BaseCommand):
    help = "Import staff accounts and profiles from a CSV file (all rows or none)."

    def add_arguments(self, parser):
        parser.add_argument("csv_path")

    def handle(self, csv_path, **options):
        with open(csv_path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = set(COLUMNS) - set(reader.fieldnames or [])
            if missing:
                raise CommandError(f"The file is missing columns: {', '.join(sorted(missing))}")
            rows = list(reader)
        errors = []
        created = updated = 0
        with transaction.atomic():
            staff_group = Group.objects.get(name=Role.STAFF_MEMBER)
            for line, row in enumerate(rows, start=2):
                try:
                    was_created = self._import_row(row, staff_group)
                except (ValidationError, ValueError, LookupError) as exc:
                    errors.append(f"line {line} ({row.get('email') or 'no e-mail'}): {exc}")
                    continue
                created += was_created
                updated += not was_created
            if errors:
                transaction.set_rollback(True)
                raise CommandError("Nothing was imported:\n" + "\n".join(errors))
        self.stdout.write(self.style.SUCCESS(f"{created} created, {updated} updated."))

    def _import_row(self, row, staff_group) -> bool:
        email = row["email"].strip().lower()
        if not email:
            raise ValueError("e-mail is required")
        if row["employment_type"] not in EmploymentType.values:
            raise ValueError(f"unknown employment type {row['employment_type']!r}")
        try:
            job_role = JobRole.objects.get(name=row["job_role"])
        except JobRole.DoesNotExist:
            raise LookupError(f"unknown job role {row['job_role']!r}") from None
        try:
            team = Team.objects.get(name=row["team"])
        except Team.DoesNotExist:
            raise LookupError(f"unknown team {row['team']!r}") from None
        manager = None
        if row["line_manager_email"]:
            manager = User.objects.filter(email=row["line_manager_email"].strip().lower()).first()
            if manager is None:
                raise LookupError(f"no account for line manager {row['line_manager_email']!r}")
        user, created = User.objects.get_or_create(
            email=email,
            defaults={"first_name": row["first_name"], "last_name": row["last_name"]},
        )
        if created:
            user.set_unusable_password()
            user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        user.groups.add(staff_group)
        profile = getattr(user, "staff_profile", None) or StaffProfile(user=user)
        profile.employment_type = row["employment_type"]
        profile.job_role = job_role
        profile.team = team
        profile.locality = team.locality
        profile.line_manager = manager
        profile.start_date = _date(row["start_date"])
        profile.end_date = _date(row["end_date"])
        profile.swe_registration_number = row["swe_registration_number"].strip()
        profile.swe_renewal_date = _date(row["swe_renewal_date"])
        profile.is_nqsw_first_year = row["nqsw_first_year"].strip().lower() in {"yes", "true", "1"}
        profile.full_clean()
        profile.save()
        return created
