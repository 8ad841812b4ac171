from django.db import migrations


def create(apps, schema_editor):
    from portfolio.reference_data import ensure_templates

    ensure_templates(apps)


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
