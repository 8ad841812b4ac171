"""Issue 10: the anonymised shortlist names nobody and keeps the adjustments answer back;
the supporting statement's limit counts words."""

import pytest

from vacancies.factories import ApplicationFactory, VacancyPageFactory
from vacancies.forms.steps import SupportingStatementForm
from vacancies.models import Application, ApplicationStatus, ShortlistingRecord
from vacancies.services.shortlisting import complete_shortlisting
from vacancies.services.transitions import transition

S = ApplicationStatus
FILE_NAME = "Priya-Ramanathan-CV-final.pdf"
ADJUSTMENTS = "I use a wheelchair and need a ground-floor room"


@pytest.fixture
def manager(make_user):
    return make_user("hiring manager")


@pytest.fixture
def application(index, manager):
    return ApplicationFactory(
        vacancy=VacancyPageFactory(hiring_manager=manager),
        cv_original_name=FILE_NAME,
        interview_adjustments=ADJUSTMENTS,
    )


def page(client, user, application):
    client.force_login(user)
    response = client.get(f"/recruitment/applications/{application.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_anonymised_view_shows_neither_the_file_name_nor_the_adjustments(
    client, manager, application
):
    body = page(client, manager, application)
    assert application.candidate_number in body
    assert FILE_NAME not in body
    assert ADJUSTMENTS not in body
    # Shortlisting the candidate alone is not enough while others still wait.
    waiting = ApplicationFactory(vacancy=application.vacancy)
    transition(application, S.SHORTLISTED, by=manager)
    body = page(client, manager, application)
    assert FILE_NAME not in body and ADJUSTMENTS not in body
    assert not ShortlistingRecord.objects.exists()
    transition(waiting, S.NOT_SHORTLISTED, by=manager)


def test_the_adjustments_reach_the_interview_arrangers_after_shortlisting(
    client, manager, application, make_user
):
    recruiter = make_user("recruiter")
    # Recruiters see names throughout, but not the adjustments before shortlisting.
    assert ADJUSTMENTS not in page(client, recruiter, application)
    transition(application, S.SHORTLISTED, by=manager)
    complete_shortlisting(application.vacancy, by=manager)
    assert ADJUSTMENTS in page(client, manager, application)
    assert ADJUSTMENTS in page(client, recruiter, application)


def test_a_candidate_not_shortlisted_keeps_their_adjustments_to_themselves(
    client, manager, application
):
    transition(application, S.NOT_SHORTLISTED, by=manager)
    complete_shortlisting(application.vacancy, by=manager)
    body = page(client, manager, application)
    assert FILE_NAME in body  # names are revealed once shortlisting is complete
    assert ADJUSTMENTS not in body


def statement_form(text):
    return SupportingStatementForm(
        data={"supporting_statement": text}, instance=Application(), vacancy=None
    )


def test_words_joined_without_spaces_still_count_towards_the_limit(db):
    form = statement_form(",".join(["word"] * 1501))
    assert not form.is_valid()
    assert "1,500 words or fewer" in form.errors["supporting_statement"][0]


def test_punctuation_between_words_is_not_counted_as_words(db):
    # 1,400 words separated by dashes: well under the limit.
    assert statement_form(" - ".join(["word"] * 1400)).is_valid()
    assert not statement_form(" ".join(["word"] * 1501)).is_valid()
