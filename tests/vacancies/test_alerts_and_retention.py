"""Job alerts, saved-vacancy reminders, retention, privacy export and reports."""

import datetime
import io

import pytest
from django.core import mail, signing
from django.utils import timezone

from accounts.models import User
from vacancies.factories import ApplicationFactory, VacancyPageFactory
from vacancies.models import Application, JobAlert, SavedVacancy
from vacancies.models.applications import EqualityMonitoring
from vacancies.services.alerts import CONFIRM_SALT, UNSUBSCRIBE_SALT, send_due_alerts
from vacancies.services.retention import apply_retention
from vacancies.tasks import expire_unconfirmed_alerts, send_closing_reminders


def confirm_link(message):
    return next(line for line in message.body.splitlines() if "/job-alerts/confirm/" in line)


def test_an_alert_is_double_opt_in_sends_new_matches_once_and_unsubscribes(
    client, index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/job-alerts/new/",
            {
                "email": "fan@example.com",
                "frequency": "daily",
                "query": "q=social&employment_type=agency",
            },
        )
    assert "Check your e-mail" in response.content.decode()
    alert = JobAlert.objects.get()
    assert alert.confirmed_at is None
    VacancyPageFactory(title="Locum social worker", employment_type="agency")
    assert send_due_alerts() == 0  # unconfirmed: nothing goes out

    link = confirm_link(mail.outbox[0])
    assert client.get(link.replace("http://testserver", "")).status_code == 200
    alert.refresh_from_db()
    assert alert.confirmed_at

    VacancyPageFactory(title="Locum social worker, West", employment_type="agency")
    VacancyPageFactory(title="Permanent social worker")
    assert send_due_alerts() == 1
    body = mail.outbox[-1].body
    assert "Locum social worker, West" in body and "Permanent social worker" not in body
    # Run again (same day, or a retry): nothing is sent twice.
    assert send_due_alerts() == 0
    assert send_due_alerts(now=timezone.now() + datetime.timedelta(days=1)) == 0

    unsubscribe = next(line for line in body.splitlines() if "/job-alerts/unsubscribe/" in line)
    path = unsubscribe.replace("http://testserver", "")
    assert "Unsubscribe from this job alert?" in client.get(path).content.decode()
    assert JobAlert.objects.exists()  # a GET (e.g. a link scanner) does not unsubscribe
    client.post(path)
    assert not JobAlert.objects.exists()


def test_tampered_or_wrong_purpose_alert_links_are_refused(client, index):
    alert = JobAlert.objects.create(email="a@example.com", frequency="weekly")
    token = signing.dumps(alert.pk, salt=CONFIRM_SALT)
    assert client.get(f"/job-alerts/confirm/{token}x/").status_code == 404
    forged = signing.dumps(alert.pk + 1, salt="something-else")
    assert client.get(f"/job-alerts/confirm/{forged}/").status_code == 404
    # A confirmation token cannot be used to unsubscribe, or the other way round.
    assert client.post(f"/job-alerts/unsubscribe/{token}/").status_code == 404
    unsub = signing.dumps(alert.pk, salt=UNSUBSCRIBE_SALT)
    assert client.get(f"/job-alerts/confirm/{unsub}/").status_code == 404
    assert JobAlert.objects.filter(pk=alert.pk, confirmed_at__isnull=True).exists()
    assert (
        "This link does not work" in client.get(f"/job-alerts/confirm/{token}x/").content.decode()
    )


def test_unconfirmed_alerts_expire_after_a_week(db):
    old = JobAlert.objects.create(
        email="old@example.com",
        frequency="daily",
        created_at=timezone.now() - datetime.timedelta(days=8),
    )
    fresh = JobAlert.objects.create(email="new@example.com", frequency="daily")
    confirmed = JobAlert.objects.create(
        email="kept@example.com",
        frequency="daily",
        created_at=timezone.now() - datetime.timedelta(days=30),
        confirmed_at=timezone.now(),
    )
    assert expire_unconfirmed_alerts() == 1
    assert set(JobAlert.objects.values_list("pk", flat=True)) == {fresh.pk, confirmed.pk}
    assert not JobAlert.objects.filter(pk=old.pk).exists()


def test_saved_vacancy_reminder_goes_once_and_not_after_applying(make_user, client, index):
    user = make_user("candidate")
    soon = VacancyPageFactory(
        title="Closing soon", closes_at=timezone.now() + datetime.timedelta(days=2)
    )
    applied = VacancyPageFactory(
        title="Applied already", closes_at=timezone.now() + datetime.timedelta(days=2)
    )
    later = VacancyPageFactory(
        title="Closing later", closes_at=timezone.now() + datetime.timedelta(days=20)
    )
    client.force_login(user)
    for vacancy in (soon, applied, later):
        client.post(f"/saved-vacancies/{vacancy.pk}/")
    assert SavedVacancy.objects.filter(user=user).count() == 3
    ApplicationFactory(vacancy=applied, candidate=user)
    assert send_closing_reminders() == 1
    assert "Closing soon" in mail.outbox[0].subject
    assert send_closing_reminders() == 0
    saved_page = client.get("/saved-vacancies/").content.decode()
    assert saved_page.index("Closing soon") < saved_page.index("Closing later")


@pytest.fixture
def closed_long_ago(index):
    return VacancyPageFactory(closes_at=timezone.now() - datetime.timedelta(days=200))


def test_retention_anonymises_applications_six_months_after_closing(
    closed_long_ago, index, settings
):
    old = ApplicationFactory(vacancy=closed_long_ago)
    cv_path = old.cv.path
    recent = ApplicationFactory(
        vacancy=VacancyPageFactory(closes_at=timezone.now() - datetime.timedelta(days=30))
    )
    draft = ApplicationFactory(vacancy=closed_long_ago, status="draft")
    result = apply_retention()
    assert result["applications_anonymised"] == 1 and result["drafts_deleted"] == 1
    old.refresh_from_db()
    assert old.candidate is None and old.first_name == "" and old.email == "" and not old.cv
    assert old.status == "submitted" and old.anonymised_at  # statistics survive
    import os

    assert not os.path.exists(cv_path)
    assert not Application.objects.filter(pk=draft.pk).exists()
    recent.refresh_from_db()
    assert recent.first_name
    # Running again changes nothing more.
    assert apply_retention()["applications_anonymised"] == 0


def test_the_retention_period_is_a_setting(closed_long_ago, settings):
    settings.VACANCIES_APPLICATION_RETENTION = datetime.timedelta(days=365)
    ApplicationFactory(vacancy=closed_long_ago)
    assert apply_retention()["applications_anonymised"] == 0


def test_inactive_candidate_accounts_are_warned_then_deleted(make_user, db):
    now = timezone.now()
    idle = make_user("candidate")
    User.objects.filter(pk=idle.pk).update(last_login=now - datetime.timedelta(days=400))
    active = make_user("candidate")
    User.objects.filter(pk=active.pk).update(last_login=now - datetime.timedelta(days=10))
    staff = make_user("recruiter")
    User.objects.filter(pk=staff.pk).update(last_login=now - datetime.timedelta(days=400))

    result = apply_retention(now=now)
    assert result["accounts_warned"] == 1 and result["accounts_deleted"] == 0
    assert [m.to for m in mail.outbox] == [[idle.email]]
    assert "will be deleted" in mail.outbox[0].subject

    assert apply_retention(now=now + datetime.timedelta(days=10))["accounts_deleted"] == 0
    result = apply_retention(now=now + datetime.timedelta(days=31))
    assert result["accounts_deleted"] == 1
    assert not User.objects.filter(pk=idle.pk).exists()
    assert User.objects.filter(pk__in=[active.pk, staff.pk]).count() == 2


def test_signing_in_after_the_warning_keeps_the_account(make_user, db):
    now = timezone.now()
    idle = make_user("candidate")
    User.objects.filter(pk=idle.pk).update(last_login=now - datetime.timedelta(days=400))
    apply_retention(now=now)
    User.objects.filter(pk=idle.pk).update(last_login=now + datetime.timedelta(days=5))
    apply_retention(now=now + datetime.timedelta(days=40))
    assert User.objects.filter(pk=idle.pk, inactivity_warning_sent_at__isnull=True).exists()


def test_candidates_download_their_applications_and_deleting_the_account_anonymises(
    client_for, index
):
    client = client_for("candidate")
    application = ApplicationFactory(candidate=client.user, supporting_statement="My own words")
    data = client.get("/accounts/me/data.json").json()
    assert data["applications"][0]["supporting_statement"] == "My own words"
    from core.privacy import erase_account

    erase_account(client.user)
    application.refresh_from_db()
    assert application.candidate is None and application.supporting_statement == ""


def test_reports_export_csv_and_xlsx_and_suppress_small_equality_numbers(client_for, index):
    vacancy = VacancyPageFactory(title="Reported job")
    for n in range(6):
        application = ApplicationFactory(vacancy=vacancy)
        EqualityMonitoring.objects.create(
            vacancy=vacancy, sex="female" if n < 5 else "male", age_band="25_34"
        )
        del application
    client = client_for("recruiter")
    page = client.get("/recruitment/reports/").content.decode()
    assert "Reported job" in page
    assert "fewer than 5" in page
    csv = client.get("/recruitment/reports/?format=csv")
    assert csv["Content-Type"].startswith("text/csv")
    text = csv.content.decode()
    assert "Female,5" in text and "Male,fewer than 5" in text
    xlsx = client.get("/recruitment/reports/?format=xlsx")
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(xlsx.content))
    assert "Applications per vacancy" in workbook.sheetnames
    assert workbook["Applications per vacancy"]["A2"].value == "Reported job"
