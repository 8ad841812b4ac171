"""The portfolio screens: who sees what, the access log, bad input and double submits."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from academy.factories import staff_user
from accounts.roles import Role
from core.models import AccessLogEntry
from portfolio import factories as f
from portfolio.models import EvidenceItem, Portfolio, SupervisionRecord
from portfolio.services.outcome import panel_decide, recommend
from tests.conftest import give_totp

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def client_as(user):
    client = Client()
    if user.has_role(*_MFA):
        give_totp(user)
    client.force_login(user)
    return client


_MFA = (Role.ASYE_ASSESSOR, Role.LINE_MANAGER, Role.PROGRAMME_COORDINATOR, Role.MODERATION_PANEL)


def supervision_post(submission="one"):
    return {
        "held_on_day": str(TODAY.day),
        "held_on_month": str(TODAY.month),
        "held_on_year": str(TODAY.year),
        "supervisor": "Practice educator",
        "notes": "Talked through the first section 47 enquiry.",
        "submission": submission,
    }


def test_the_nqsw_sees_their_task_list_and_what_is_due_next():
    portfolio = f.agree(f.make_portfolio(weeks_in=4))
    response = client_as(portfolio.nqsw).get("/portfolio/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Your early-career portfolio" in html
    assert "govuk-task-list" in html
    assert "Cannot start yet" in html  # the three-month review
    assert "Not yet started" in html
    assert "Due next" in html


def test_another_person_gets_404_and_the_manager_is_logged():
    portfolio = f.agree(f.make_portfolio())
    stranger = f.nqsw_user()
    assert client_as(stranger).get(f"/portfolio/{portfolio.pk}/").status_code == 404
    other_assessor = f.assessor_user()
    assert client_as(other_assessor).get(f"/portfolio/{portfolio.pk}/").status_code == 404

    client_as(portfolio.nqsw).get(f"/portfolio/{portfolio.pk}/")
    assert not AccessLogEntry.objects.exists()
    manager = portfolio.line_manager
    assert client_as(manager).get(f"/portfolio/{portfolio.pk}/").status_code == 200
    entry = AccessLogEntry.objects.get()
    assert entry.actor == manager and entry.object_id == str(portfolio.pk)


def test_a_double_submit_saves_one_supervision_record():
    portfolio = f.agree(f.make_portfolio())
    client = client_as(portfolio.nqsw)
    url = f"/portfolio/{portfolio.pk}/add/supervision/"
    first = client.post(url, supervision_post("token-1"))
    second = client.post(url, supervision_post("token-1"), follow=True)
    assert first.status_code == 302
    assert "already saved" in second.content.decode()
    assert SupervisionRecord.objects.filter(portfolio=portfolio).count() == 1


def test_the_assessor_cannot_record_the_nqsws_supervision_and_forged_ids_get_404():
    portfolio = f.agree(f.make_portfolio())
    assessor = client_as(portfolio.assessor)
    assert (
        assessor.post(f"/portfolio/{portfolio.pk}/add/supervision/", supervision_post()).status_code
        == 404
    )
    other = f.agree(f.make_portfolio())
    nqsw = client_as(portfolio.nqsw)
    assert (
        nqsw.post(f"/portfolio/{other.pk}/add/supervision/", supervision_post()).status_code == 404
    )
    assert nqsw.get(f"/portfolio/{portfolio.pk}/add/nonsense/").status_code == 404
    assert not SupervisionRecord.objects.exists()


def test_recording_before_the_agreement_is_refused_with_a_message():
    portfolio = f.make_portfolio()
    response = client_as(portfolio.nqsw).post(
        f"/portfolio/{portfolio.pk}/add/supervision/", supervision_post()
    )
    assert "must be agreed by the newly qualified social worker" in response.content.decode()
    assert not SupervisionRecord.objects.exists()


def test_an_upload_that_is_not_a_document_is_refused():
    portfolio = f.agree(f.make_portfolio())
    response = client_as(portfolio.nqsw).post(
        f"/portfolio/{portfolio.pk}/add/evidence/",
        {
            "title": "My court statement",
            "description": "Shows analysis.",
            "document": SimpleUploadedFile("statement.pdf", b"MZ\x90\x00 not a pdf"),
            "submission": "x",
        },
    )
    assert "must be a PDF, Word (DOCX) or OpenDocument (ODT) file" in response.content.decode()
    assert not EvidenceItem.objects.exists()


def test_a_locked_review_cannot_be_changed():
    portfolio = f.agree(f.make_portfolio(weeks_in=14))
    point = portfolio.template.points.get(due_week=13)
    review = f.sign_review(portfolio, point)
    response = client_as(portfolio.assessor).post(
        f"/portfolio/{portfolio.pk}/reviews/{point.pk}/",
        {"action": "sign", "progress": "concern", "summary": "Changed my mind."},
        follow=True,
    )
    assert "signed and locked" in response.content.decode()
    review.refresh_from_db()
    assert review.summary != "Changed my mind."


def test_the_recommendation_page_lists_what_is_missing():
    portfolio = f.ready_for_recommendation(f.make_portfolio(weeks_in=48), observations=2)
    client = client_as(portfolio.assessor)
    page = client.get(f"/portfolio/{portfolio.pk}/recommendation/").content.decode()
    assert "Direct observations: 3 needed, 2 recorded." in page
    response = client.post(
        f"/portfolio/{portfolio.pk}/recommendation/",
        {"outcome": "pass", "summary": "Ready.", "submission": "r1"},
    )
    assert "some required evidence is missing" in response.content.decode()
    portfolio.refresh_from_db()
    assert portfolio.status == Portfolio.Status.IN_PROGRESS


def test_the_coordinator_sees_the_cohort_and_exports_it():
    f.agree(f.make_portfolio())
    f.make_portfolio(nqsw=f.nqsw_user(employment_type="agency"))
    coordinator = staff_user(roles=(Role.STAFF_MEMBER, Role.PROGRAMME_COORDINATOR))
    client = client_as(coordinator)
    page = client.get("/portfolio/cohort/").content.decode()
    assert "2 newly qualified social workers, 1 of them agency" in page
    xlsx = client.get("/portfolio/cohort/export.xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    csv = client.get("/portfolio/cohort/export.csv").content.decode()
    assert "Overdue items" in csv
    assert AccessLogEntry.objects.filter(action=AccessLogEntry.Action.EXPORT).count() == 4


def test_the_panel_sees_no_name_and_a_confirmed_pass_gives_the_nqsw_a_pdf():
    portfolio = f.ready_for_recommendation(f.make_portfolio(weeks_in=50))
    name = portfolio.nqsw.get_full_name()
    recommend(
        portfolio,
        outcome="pass",
        summary=f"{portfolio.nqsw.first_name} has shown steady growth.",
        by=portfolio.assessor,
    )
    panel = staff_user(roles=(Role.STAFF_MEMBER, Role.MODERATION_PANEL))
    page = client_as(panel).get(f"/portfolio/panel/{portfolio.panel_reference}/").content.decode()
    assert portfolio.panel_reference in page
    assert name not in page and portfolio.nqsw.first_name not in page
    assert "[name removed] has shown steady growth." in page
    nqsw = client_as(portfolio.nqsw)
    assert nqsw.get(f"/portfolio/{portfolio.pk}/portfolio.pdf").status_code == 404

    panel_decide(portfolio, confirmed=True, reasons="Clear evidence.", by=panel)
    assert "Passed" in nqsw.get("/portfolio/").content.decode()
    pdf = nqsw.get(f"/portfolio/{portfolio.pk}/portfolio.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert (
        client_as(portfolio.assessor).get(f"/portfolio/{portfolio.pk}/portfolio.pdf").status_code
        == 404
    )


def test_the_portfolio_is_in_the_persons_data_export():
    from core.privacy import export_personal_data

    portfolio = f.agree(f.make_portfolio())
    f.add_supervision(portfolio, TODAY - datetime.timedelta(days=3), notes="Planning a visit.")
    data = export_personal_data(portfolio.nqsw)
    assert data["early_career_portfolio"]["supervision"][0]["notes"] == "Planning a visit."


def test_your_training_and_the_programme_page_lead_to_the_portfolio():
    from academy.factories import ProgrammeFactory

    template = f.asye()
    template.programme = ProgrammeFactory(name="ASYE", is_active=True)
    template.save()
    portfolio = f.make_portfolio()
    client = client_as(portfolio.nqsw)
    training = client.get("/my-training/").content.decode()
    assert 'href="/portfolio/">Your early-career portfolio' in training
    programme = client.get(f"/training/programmes/{template.programme.slug}/").content.decode()
    assert 'href="/portfolio/">early-career portfolio' in programme


def test_the_manager_comments_once_on_a_signed_review():
    portfolio = f.agree(f.make_portfolio(weeks_in=14))
    point = portfolio.template.points.get(due_week=13)
    review = f.sign_review(portfolio, point)
    review.manager_comment = ""
    review.save()
    manager = client_as(portfolio.line_manager)
    url = f"/portfolio/{portfolio.pk}/reviews/{point.pk}/"
    manager.post(url, {"action": "comment", "comment": "A confident start."})
    second = manager.post(url, {"action": "comment", "comment": "Changed."}, follow=True)
    review.refresh_from_db()
    assert review.manager_comment == "A confident start."
    assert "signed and locked" in second.content.decode()


def test_the_agreement_is_written_by_the_assessor_and_confirmed_by_all_three():
    portfolio = f.make_portfolio(weeks_in=1)
    url = f"/portfolio/{portfolio.pk}/agreement/"
    assert (
        client_as(portfolio.nqsw).post(url, {"action": "confirm"}, follow=True).status_code == 200
    )
    client_as(portfolio.assessor).post(
        url,
        {
            "action": "save",
            "supervision_plan": "Weekly, then fortnightly.",
            "protected_time": "Wednesday mornings.",
            "caseload": "Up to 12 children.",
        },
    )
    for person in (portfolio.nqsw, portfolio.assessor, portfolio.line_manager):
        client_as(person).post(url, {"action": "confirm"})
    page = client_as(portfolio.nqsw).get(url).content.decode()
    assert "It is locked." in page
    refused = client_as(portfolio.assessor).post(
        url,
        {"action": "save", "supervision_plan": "x", "protected_time": "x", "caseload": "x"},
        follow=True,
    )
    assert "agreed and locked" in refused.content.decode()
    portfolio.agreement.refresh_from_db()
    assert portfolio.agreement.caseload == "Up to 12 children."


def test_administrators_edit_the_programme_template_as_a_snippet():
    admin = staff_user(roles=(Role.STAFF_MEMBER, Role.ADMINISTRATOR))
    give_totp(admin)
    client = Client()
    client.force_login(admin)
    template = f.asye()
    response = client.get(f"/admin/snippets/portfolio/programmetemplate/edit/{template.pk}/")
    assert response.status_code == 200
    assert "Final review and recommendation" in response.content.decode()
