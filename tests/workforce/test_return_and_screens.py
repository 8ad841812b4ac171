"""The quarterly return reconciles with the register; screens refuse bad input plainly."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from accounts.models import EmploymentType
from accounts.roles import Role
from workforce.factories import AgencyFactory, AgencyWorkerFactory, PriceCapFactory
from workforce.models import AgencyAssignment, ComplianceRule, LeavingReason
from workforce.services import start_employment
from workforce.services.agency import (
    end_assignment,
    record_compliance,
    register_assignment,
    sign_off,
    start_assignment,
)
from workforce.services.returns import permanent_by_month, quarter_bounds

D = datetime.date
pytestmark = pytest.mark.django_db


def started(lead, *, start, end, rate="40", job_type="social_worker", ended=False):
    worker = AgencyWorkerFactory(start_date=D(2024, 1, 8))
    assignment = register_assignment(
        worker=worker,
        agency=AgencyFactory(name="Harbour Social Care"),
        job_type=job_type,
        team=worker.team,
        start_date=start,
        planned_end_date=end,
        notice_weeks=4,
        hourly_rate=rate,
        reason="Vacancy cover",
        by=lead,
    )
    for rule in ComplianceRule.values:
        record_compliance(
            assignment,
            rule=rule,
            met=True,
            evidence="On file",
            by=lead,
            checked_on=start - datetime.timedelta(days=7),
        )
    assignment = start_assignment(assignment, by=lead)
    if ended:
        end_assignment(assignment, end=end, by=lead)
    return assignment


def test_the_quarterly_return_has_one_row_per_assignment_active_in_the_quarter(
    client_for, make_user
):
    client = client_for(Role.WORKFORCE_LEAD)
    lead = client.user
    PriceCapFactory()
    inside = started(lead, start=D(2026, 7, 6), end=D(2026, 12, 18))
    overlapping = started(lead, start=D(2026, 3, 2), end=D(2026, 7, 31), ended=True)
    started(lead, start=D(2026, 1, 5), end=D(2026, 6, 26), ended=True)  # before the quarter
    response = client.get("/workforce/return/", {"year": 2026, "quarter": 3, "export": "csv"})
    assert response.status_code == 200
    lines = list(csv.reader(io.StringIO(response.content.decode())))
    header_at = lines.index(next(row for row in lines if row[:1] == ["Worker"]))
    header = lines[header_at]
    rows = []
    for row in lines[header_at + 1 :]:
        if not row:
            break
        rows.append(dict(zip(header, row, strict=True)))
    first, last = quarter_bounds(2026, 3)
    register = AgencyAssignment.objects.exclude(status="planned").filter(start_date__lte=last)
    expected = {
        a.worker.swe_registration_number
        for a in register
        if (a.end_date or a.planned_end_date) >= first
    }
    assert {row["Social Work England registration number"] for row in rows} == expected
    assert expected == {
        inside.worker.swe_registration_number,
        overlapping.worker.swe_registration_number,
    }
    for row in rows:
        assert row["DfE job type"] == "Social worker"
        assert row["Hourly pay rate (£)"] == "40.00"
        assert row["Project team"] == "No"
    assert "Monthly agency cost" in {row[0] for row in lines if row}
    xlsx = client.get("/workforce/return/", {"year": 2026, "quarter": 3, "export": "xlsx"})
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames[0] == "Assignments"
    assert book["Assignments"].max_row == 1 + len(rows)


def test_the_dashboard_percent_permanent_moves_when_an_agency_worker_converts(make_user):
    worker = AgencyWorkerFactory(start_date=D(2025, 1, 6))
    from accounts.factories import StaffProfileFactory

    StaffProfileFactory(start_date=D(2024, 1, 1))
    before = permanent_by_month([D(2026, 1, 1)])[0]["percent_headcount"]
    start_employment(
        worker,
        employment_type=EmploymentType.PERMANENT,
        job_role=worker.job_role,
        team=worker.team,
        start=D(2026, 1, 12),
        reason=LeavingReason.CONVERSION,
    )
    after = permanent_by_month([D(2026, 1, 1)])[0]["percent_headcount"]
    assert (before, after) == (50, 100)


def test_an_above_cap_assignment_form_shows_why_it_cannot_start(client_for, make_user):
    client = client_for(Role.WORKFORCE_LEAD)
    PriceCapFactory()
    worker = AgencyWorkerFactory()
    agency = AgencyFactory()
    post = {
        "worker": worker.pk,
        "agency": agency.pk,
        "job_type": "social_worker",
        "team": worker.team.pk,
        "start_date_day": "3",
        "start_date_month": "2",
        "start_date_year": "2025",
        "planned_end_date_day": "1",
        "planned_end_date_month": "1",
        "planned_end_date_year": "2025",
        "notice_weeks": "4",
        "hourly_rate": "55",
        "reason": "Cover",
    }
    response = client.post("/workforce/assignments/new/", post)
    assert "planned end date must be the same as or after" in response.content.decode()
    assert not AgencyAssignment.objects.exists()
    post["planned_end_date_year"] = "2026"
    response = client.post("/workforce/assignments/new/", post)
    assignment = AgencyAssignment.objects.get()
    assert response.url == f"/workforce/assignments/{assignment.pk}/"
    for rule in ComplianceRule.values:
        record_compliance(
            assignment,
            rule=rule,
            met=True,
            evidence="On file",
            by=client.user,
            checked_on=D(2025, 1, 20),
        )
    page = client.post(f"/workforce/assignments/{assignment.pk}/start/", follow=True)
    assert "above the £42.00 price cap" in page.content.decode()
    chief = client_for(Role.CHIEF_EXECUTIVE)
    assert chief.user.has_perm("workforce.sign_off_as_chief_executive"), chief.user.roles
    assert chief.get(f"/workforce/assignments/{assignment.pk}/").status_code == 200
    page = chief.post(
        f"/workforce/assignments/{assignment.pk}/sign-off/",
        {"as_role": "chief_executive"},
        follow=True,
    )
    assert "must sign off first" in page.content.decode()
    sign_off(assignment, by=make_user(Role.DCS), as_role="dcs")
    chief.post(f"/workforce/assignments/{assignment.pk}/sign-off/", {"as_role": "chief_executive"})
    client.post(f"/workforce/assignments/{assignment.pk}/start/")
    assignment.refresh_from_db()
    assert assignment.status == "active" and assignment.chief_executive_signed_by == chief.user
