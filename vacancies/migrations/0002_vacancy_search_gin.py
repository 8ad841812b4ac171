"""PostgreSQL only: a GIN full-text index over the vacancy's search text.

The expression matches the one vacancies.queries builds (SearchVector over search_text
with the English configuration), so the planner uses the index. Other databases skip it;
SQLite searches through Wagtail's database backend instead.
"""

from django.db import migrations

INDEX = "vacancy_search_text_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    model = apps.get_model("vacancies", "VacancyPage")
    schema_editor.add_index(
        model, GinIndex(SearchVector("search_text", config="english"), name=INDEX)
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("vacancies", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
