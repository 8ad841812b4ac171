"""Personal data is declared once per model, and retention, erasure, the data download and
the application forms read that declaration."""

import dataclasses

import pytest
from django.apps import apps
from django.utils import timezone

from core import privacy
from core.privacy import PersonalData, declaration_for, declared_models, export_personal_data

APPS = ["vacancies", "fostering", "academy", "accounts"]


def test_every_field_of_every_model_in_the_personal_data_apps_is_classified():
    declared = declared_models()
    problems = []
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            if model not in declared:
                problems.append(f"{model._meta.label}: no personal-data declaration")
            else:
                problems += declared[model].problems(model)
    assert problems == [], "\n".join(problems)


def test_the_check_names_a_new_field_nobody_classified():
    from vacancies.models import Application

    declaration = declaration_for(Application)
    missing_one = dataclasses.replace(
        declaration, not_personal=declaration.not_personal - {"submitted_at"}
    )
    assert missing_one.problems(Application) == [
        "vacancies.Application: fields not classified: ['submitted_at']"
    ]
    assert PersonalData(personal=frozenset({"email"}), not_personal=frozenset({"email"})).problems(
        Application
    )


def test_an_applications_status_is_never_personal_or_carried_over():
    from vacancies.models import Application

    declaration = declaration_for(Application)
    assert "status" in declaration.not_personal
    assert "status" not in declaration.reusable


@pytest.fixture
def redeclare(monkeypatch):
    """Change one model's declaration for a test, as a developer adding a field would."""

    def change(model, **fields):
        declared = declared_models()[model]
        changed = dataclasses.replace(declared, **{k: frozenset(v) for k, v in fields.items()})
        monkeypatch.setitem(privacy._declarations, model, changed)

    return change


def test_retention_blanks_whatever_the_declaration_calls_personal(db, redeclare):
    from vacancies.factories import ApplicationFactory, vacancy_index
    from vacancies.models import Application
    from vacancies.services.retention import anonymise_application

    vacancy_index()
    application = ApplicationFactory(right_to_work="visa", interview_adjustments="A quiet room")
    # A field moved from "not personal" to "personal" is blanked with no other change.
    declared = declaration_for(Application)
    redeclare(
        Application,
        personal=declared.personal | {"right_to_work"},
        not_personal=declared.not_personal - {"right_to_work"},
    )
    anonymise_application(application, timezone.now())
    application.refresh_from_db()
    for name in declaration_for(Application).personal:
        assert getattr(application, name) in ("", None, False), name
    assert application.status == "submitted"  # the statistics stay


def test_a_new_draft_reuses_exactly_the_declared_fields(db, make_user):
    from vacancies.factories import ApplicationFactory, VacancyPageFactory, vacancy_index
    from vacancies.models import Application
    from vacancies.services.applications import start_application

    vacancy_index()
    candidate = make_user("candidate")
    ApplicationFactory(
        candidate=candidate,
        qualifications="BA Social Work",
        supporting_statement="Written for the first job",
        interview_adjustments="A quiet room",
    )
    draft, _ = start_application(VacancyPageFactory(), candidate)
    assert draft.qualifications == "BA Social Work"
    assert draft.supporting_statement == ""  # answers for one job are never carried over
    assert draft.interview_adjustments == ""
    assert "qualifications" in declaration_for(Application).reusable


def test_anonymising_a_fostering_case_blanks_every_declared_personal_field(db):
    from fostering.factories import FosteringCaseFactory
    from fostering.models import FosteringCase
    from fostering.services import anonymise_case

    case = FosteringCaseFactory(postcode="SO14 7LY", household="Me and my partner")
    anonymise_case(case)
    case.refresh_from_db()
    kept = {"first_name": "Anonymised", "email": f"anonymised-{case.pk}@invalid.example"}
    for name in declaration_for(FosteringCase).personal:
        if name == "postcode":
            assert case.postcode == "SO14"
        elif name in kept:
            assert getattr(case, name) == kept[name]
        else:
            assert getattr(case, name) in ("", None), name


def test_the_data_download_holds_every_declared_personal_field(db, make_user):
    from accounts.models import User
    from vacancies.factories import ApplicationFactory, vacancy_index
    from vacancies.models import Application

    vacancy_index()
    person = make_user("candidate")
    ApplicationFactory(candidate=person)
    data = export_personal_data(person)
    assert set(declaration_for(User).personal) <= set(data["account"])
    [application] = data["applications"]
    assert set(declaration_for(Application).personal) <= set(application)
