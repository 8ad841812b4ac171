"""The Wagtail back office for fostering: cases with filters and export, events as
snippets, the clocks as a setting only administrators change, and the dashboard cards."""

import io

import pytest
from openpyxl import load_workbook

from fostering.factories import FosteringCaseFactory, InformationEventFactory
from fostering.pipeline import Stage

pytestmark = pytest.mark.django_db


def test_the_team_lists_filters_and_exports_cases(client_for):
    client = client_for("fostering team")
    early = FosteringCaseFactory(first_name="Early", stage=Stage.ENQUIRY)
    later = FosteringCaseFactory(first_name="Later", stage=Stage.STAGE_TWO)
    text = client.get("/admin/fostering-cases/").content.decode()
    assert early.reference in text and later.reference in text
    filtered = client.get("/admin/fostering-cases/", {"stage": Stage.STAGE_TWO}).content.decode()
    assert later.reference in filtered and early.reference not in filtered
    response = client.get("/admin/fostering-cases/", {"export": "xlsx"})
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.values)
    assert {row[0] for row in rows[1:]} == {early.reference, later.reference}


@pytest.mark.parametrize("role", ["recruiter", "ld.lead", "content editor", "hiring manager"])
def test_other_staff_with_the_workspace_see_no_cases(client_for, role):
    role = {"ld.lead": "L&D lead"}.get(role, role)
    case = FosteringCaseFactory()
    response = client_for(role).get("/admin/fostering-cases/")
    assert response.status_code in {302, 403}
    assert case.reference not in response.content.decode()


def test_only_an_administrator_changes_the_clock_periods(client_for):
    url = "/admin/settings/fostering/fosteringrules/"
    admin = client_for("administrator").get(url, follow=True)
    assert admin.status_code == 200
    assert 'name="enquiry_reply_working_days"' in admin.content.decode()
    team = client_for("fostering team").get(url, follow=True)
    assert 'name="enquiry_reply_working_days"' not in team.content.decode()


def test_the_team_manages_information_events_as_snippets(client_for):
    event = InformationEventFactory(title="Spring information evening")
    text = (
        client_for("fostering team")
        .get("/admin/snippets/fostering/informationevent/")
        .content.decode()
    )
    assert "Spring information evening" in text
    assert event.pk


def test_dashboard_cards_for_the_enquirer_and_the_team(client_for):
    enquirer = client_for("foster enquirer").get("/accounts/me/").content.decode()
    assert "My fostering enquiry" in enquirer and "Fostering pipeline" not in enquirer
    team = client_for("fostering team").get("/accounts/me/").content.decode()
    assert "Fostering pipeline" in team and "My fostering enquiry" not in team
    candidate = client_for("candidate").get("/accounts/me/").content.decode()
    assert "Fostering pipeline" not in candidate and "My fostering enquiry" not in candidate


def test_opening_a_case_in_the_back_office_is_logged(client_for):
    from core.models import AccessLogEntry

    client = client_for("fostering team")
    case = FosteringCaseFactory()
    assert client.get(f"/admin/fostering-cases/inspect/{case.pk}/").status_code == 200
    assert client.get(f"/admin/fostering-cases/edit/{case.pk}/").status_code == 200
    assert AccessLogEntry.objects.filter(actor=client.user, object_id=str(case.pk)).count() == 2


def test_the_team_sees_who_booked_an_event(client_for):
    from fostering.factories import EventBookingFactory

    booking = EventBookingFactory(name="Kerry Example")
    text = (
        client_for("fostering team").get("/admin/snippets/fostering/eventbooking/").content.decode()
    )
    assert "Kerry Example" in text and booking.email in text
