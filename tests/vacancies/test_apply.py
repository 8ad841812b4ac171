"""Applying: the steps, drafts, review, idempotent submit, CV checks, bad input."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from vacancies.factories import MINIMAL_PDF, ApplicationFactory, VacancyPageFactory, docx_bytes
from vacancies.forms.steps import STEPS
from vacancies.models import Application, ApplicationStatus, EqualityMonitoring

ANSWERS = {
    "personal-details": {
        "first_name": "Kim",
        "last_name": "Doyle",
        "email": "kim@example.com",
        "phone": "07700 900123",
        "address": "2 Test Road",
        "postcode": "SO15 1AA",
    },
    "right-to-work": {"right_to_work": "british_irish"},
    "registration": {"swe_registration_number": "sw123456"},
    "qualifications": {"qualifications": "MA Social Work, 2022"},
    "employment-history": {
        "employment_history": "Social worker, 2022 to now",
        "employment_gaps": "None",
    },
    "references": {
        "referee_1_name": "A Manager",
        "referee_1_email": "a@example.org",
        "referee_1_organisation": "Portsmouth City Council",
        "referee_1_relationship": "Manager",
        "referee_2_name": "B Tutor",
        "referee_2_email": "b@example.org",
        "referee_2_organisation": "University",
        "referee_2_relationship": "Tutor",
        "reference_consent": "tell_me_first",
    },
    "supporting-statement": {"supporting_statement": "I work restoratively with families."},
    "declarations": {"has_criminal_record_to_declare": "no", "declaration_confirmed": "on"},
    "adjustments": {"interview_adjustments": ""},
    "equality": {
        "age_band": "25_34",
        "sex": "female",
        "ethnicity": "prefer_not",
        "disability": "no",
    },
}


@pytest.fixture
def vacancy(index):
    return VacancyPageFactory(title="Social worker")


@pytest.fixture
def candidate_client(client_for):
    return client_for("candidate", first_name="Kim", last_name="Doyle")


def start(client, vacancy):
    response = client.post(f"/applications/start/{vacancy.pk}/")
    assert response.status_code == 302
    return Application.objects.get(vacancy=vacancy, candidate=client.user)


def fill_all(client, application, cv=None):
    for form_class in STEPS:
        url = f"/applications/{application.pk}/step/{form_class.slug}/"
        if form_class.slug == "cv":
            data = {"cv_file": cv or SimpleUploadedFile("my cv.pdf", MINIMAL_PDF)}
        else:
            data = ANSWERS[form_class.slug]
        response = client.post(url, data)
        assert response.status_code == 302, (form_class.slug, response.content.decode()[:3000])


def test_a_candidate_applies_step_by_step_reviews_and_submits(
    candidate_client, vacancy, django_capture_on_commit_callbacks
):
    application = start(candidate_client, vacancy)
    fill_all(candidate_client, application)
    review = candidate_client.get(f"/applications/{application.pk}/review/")
    body = review.content.decode()
    assert "Check your answers" in body
    assert "SW123456" in body and "my cv.pdf" in body
    application.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        response = candidate_client.post(
            f"/applications/{application.pk}/review/",
            {"submission_token": str(application.submission_token)},
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    page = candidate_client.get(f"/applications/{application.pk}/").content.decode()
    assert "Submitted" in page and "Withdraw your application" in page
    assert [m.to for m in mail.outbox] == [["kim@example.com"]]
    assert "We have your application" in mail.outbox[0].subject


def test_submitting_twice_makes_one_application_and_one_email(
    candidate_client, vacancy, django_capture_on_commit_callbacks
):
    application = start(candidate_client, vacancy)
    fill_all(candidate_client, application)
    token = str(Application.objects.get(pk=application.pk).submission_token)
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            response = candidate_client.post(
                f"/applications/{application.pk}/review/", {"submission_token": token}
            )
        assert response.status_code == 302
    assert Application.objects.filter(vacancy=vacancy).count() == 1
    assert Application.objects.get(pk=application.pk).status_changes.count() == 1
    assert len(mail.outbox) == 1
    # Starting again finds the same application rather than making a second.
    candidate_client.post(f"/applications/start/{vacancy.pk}/")
    assert Application.objects.filter(vacancy=vacancy).count() == 1


def test_a_draft_is_saved_at_each_step_and_resumes_where_it_stopped(candidate_client, vacancy):
    application = start(candidate_client, vacancy)
    candidate_client.post(
        f"/applications/{application.pk}/step/personal-details/",
        {**ANSWERS["personal-details"], "action": "save-and-exit"},
    )
    application.refresh_from_db()
    assert application.phone == "07700 900123"
    response = candidate_client.post(f"/applications/start/{vacancy.pk}/")
    assert response["Location"] == f"/applications/{application.pk}/step/right-to-work/"


def test_an_incomplete_draft_cannot_be_submitted(candidate_client, vacancy):
    application = start(candidate_client, vacancy)
    response = candidate_client.post(
        f"/applications/{application.pk}/review/",
        {"submission_token": str(application.submission_token)},
    )
    assert response["Location"].endswith("/step/personal-details/")
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.DRAFT


def test_a_social_work_role_needs_a_registration_number_in_the_right_form(
    candidate_client, vacancy
):
    application = start(candidate_client, vacancy)
    url = f"/applications/{application.pk}/step/registration/"
    body = candidate_client.post(url, {"swe_registration_number": ""}).content.decode()
    assert "govuk-error-summary" in body
    body = candidate_client.post(url, {"swe_registration_number": "12345"}).content.decode()
    assert "SW followed by digits" in body


def test_details_from_a_previous_application_are_reused(candidate_client, vacancy, index):
    ApplicationFactory(candidate=candidate_client.user, qualifications="PhD in reuse")
    application = start(candidate_client, vacancy)
    assert application.qualifications == "PhD in reuse"
    assert application.supporting_statement == ""


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cv.pdf", b"MZ\x90\x00 this is an executable renamed", "Renaming a file"),
        ("cv.docx", b"plain text pretending", "Renaming a file"),
        ("cv.pdf", b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024), "smaller than 5 MB"),
        ("cv.pdf", b"", "empty"),
    ],
)
def test_wrong_renamed_or_oversized_files_are_refused_and_nothing_is_lost(
    candidate_client, vacancy, name, content, message
):
    application = start(candidate_client, vacancy)
    fill_all_but_cv = [s for s in STEPS if s.slug != "cv"]
    for form_class in fill_all_but_cv[:3]:
        candidate_client.post(
            f"/applications/{application.pk}/step/{form_class.slug}/", ANSWERS[form_class.slug]
        )
    response = candidate_client.post(
        f"/applications/{application.pk}/step/cv/", {"cv_file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    application.refresh_from_db()
    assert not application.cv
    assert application.first_name == "Kim"  # earlier answers are kept


def test_docx_and_odt_files_are_accepted_by_content(candidate_client, vacancy):
    application = start(candidate_client, vacancy)
    url = f"/applications/{application.pk}/step/cv/"
    response = candidate_client.post(url, {"cv_file": SimpleUploadedFile("cv.docx", docx_bytes())})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.cv.name.endswith(".docx")


def test_the_cv_is_private_and_served_only_to_its_owner_and_staff(
    candidate_client, vacancy, client_for, settings
):
    application = start(candidate_client, vacancy)
    fill_all(candidate_client, application)
    application.refresh_from_db()
    # Stored outside the public media directory, so no URL can reach it directly.
    assert not application.cv.path.startswith(str(settings.MEDIA_ROOT))
    response = candidate_client.get(f"/applications/{application.pk}/cv/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client_for("candidate").get(f"/applications/{application.pk}/cv/").status_code == 404


def test_applying_to_a_closed_vacancy_is_refused(candidate_client, index):
    closed = VacancyPageFactory(closes_at=timezone.now() - datetime.timedelta(hours=1))
    response = candidate_client.post(f"/applications/start/{closed.pk}/", follow=True)
    assert "no longer taking applications" in response.content.decode()
    assert not Application.objects.filter(vacancy=closed).exists()


def test_a_draft_cannot_be_sent_after_the_vacancy_closes_but_is_kept(candidate_client, vacancy):
    application = start(candidate_client, vacancy)
    fill_all(candidate_client, application)
    type(vacancy).objects.filter(pk=vacancy.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    application.refresh_from_db()
    response = candidate_client.post(
        f"/applications/{application.pk}/review/",
        {"submission_token": str(application.submission_token)},
        follow=True,
    )
    assert "closed before you submitted" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    assert application.supporting_statement


def test_someone_elses_application_id_is_a_404(candidate_client, index):
    other = ApplicationFactory()
    for path in ["", "review/", "withdraw/", "cv/", "step/personal-details/", "interview.ics"]:
        assert candidate_client.get(f"/applications/{other.pk}/{path}").status_code == 404
    assert (
        candidate_client.post(
            f"/applications/{other.pk}/withdraw/", {"reason": "other"}
        ).status_code
        == 404
    )


def test_equality_answers_are_kept_apart_and_cut_loose_on_submission(candidate_client, vacancy):
    application = start(candidate_client, vacancy)
    fill_all(candidate_client, application)
    answers = EqualityMonitoring.objects.get(vacancy=vacancy)
    assert answers.draft_application_id == application.pk
    application.refresh_from_db()
    candidate_client.post(
        f"/applications/{application.pk}/review/",
        {"submission_token": str(application.submission_token)},
    )
    answers.refresh_from_db()
    assert answers.draft_application_id is None
    assert answers.sex == "female"


def test_a_candidate_withdraws_with_a_reason(
    candidate_client, index, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(candidate=candidate_client.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = candidate_client.post(
            f"/applications/{application.pk}/withdraw/", {"reason": "another_job"}
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    assert application.withdrawal_reason == "another_job"
    assert "withdrawn" in mail.outbox[-1].body
    body = candidate_client.get(f"/applications/{application.pk}/").content.decode()
    assert "Withdraw your application" not in body
