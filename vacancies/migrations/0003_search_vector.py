"""Store the weighted search document as a tsvector column (PostgreSQL), so ranking does
not recompute it for every matching row, and index that column instead of the expression
migration 0002 indexed. Other databases only gain the (unused) column."""

import django.contrib.postgres.search
from django.db import migrations

OLD_INDEX = "vacancy_search_text_gin"
INDEX = "vacancy_search_vector_gin"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from vacancies.models.pages import SEARCH_VECTOR_UPDATE

    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")
    schema_editor.execute(SEARCH_VECTOR_UPDATE)
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON vacancies_vacancypage USING gin (search_vector)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("vacancies", "0002_vacancy_search_gin"),
    ]

    operations = [
        migrations.AddField(
            model_name="vacancypage",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(forwards, backwards),
    ]
