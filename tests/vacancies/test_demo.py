from django.core.management import call_command

from vacancies.models import Application, ApplicationStatus, VacancyPage


def test_demo_data_fills_every_stage_and_is_idempotent(db):
    call_command("seed_demo")
    vacancies = VacancyPage.objects.count()
    applications = Application.objects.count()
    assert vacancies >= 40
    statuses = set(Application.objects.values_list("status", flat=True))
    assert statuses == set(ApplicationStatus.values)
    assert VacancyPage.objects.filter(hiring_manager__email__startswith="hiring@").count() >= 5
    call_command("seed_demo")
    assert VacancyPage.objects.count() == vacancies
    assert Application.objects.count() == applications
