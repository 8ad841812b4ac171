"""One employment spell per existing staff profile, from the profile's current fields."""

from django.db import migrations


def create_spells(apps, schema_editor):
    StaffProfile = apps.get_model("accounts", "StaffProfile")
    EmploymentSpell = apps.get_model("workforce", "EmploymentSpell")
    spells = []
    for profile in StaffProfile.objects.select_related("team").filter(spells__isnull=True):
        end = profile.end_date
        if end is not None and end < profile.start_date:
            end = profile.start_date
        spells.append(
            EmploymentSpell(
                profile=profile,
                employment_type=profile.employment_type,
                job_role_id=profile.job_role_id,
                team_id=profile.team_id,
                locality_id=profile.locality_id or profile.team.locality_id,
                line_manager_id=profile.line_manager_id,
                start_date=profile.start_date,
                end_date=end,
            )
        )
    EmploymentSpell.objects.bulk_create(spells, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("workforce", "0001_employment_spells")]

    operations = [migrations.RunPython(create_spells, migrations.RunPython.noop)]
