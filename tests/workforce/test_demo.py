"""The demo agency register reads plausibly and seeding twice adds nothing."""

import pytest
from django.utils import timezone

from accounts import demo as accounts_demo
from workforce import demo
from workforce.models import AgencyAssignment, ComplianceCheck, EmploymentSpell, LeavingReason
from workforce.services.returns import quarter_bounds, quarter_of, return_rows

pytestmark = pytest.mark.django_db


def test_the_demo_register_has_what_the_story_needs(client_for):
    accounts_demo.seed(lambda message: None)
    demo.seed(lambda message: None)
    count = AgencyAssignment.objects.count()
    assert 38 <= count <= 45
    demo.seed(lambda message: None)
    assert AgencyAssignment.objects.count() == count
    assert AgencyAssignment.objects.values("agency").distinct().count() == 3
    assert AgencyAssignment.objects.values("job_type").distinct().count() == 5
    signed = AgencyAssignment.objects.filter(
        above_cap=True, dcs_signed_at__isnull=False, chief_executive_signed_at__isnull=False
    )
    assert signed.count() == 2
    exception = ComplianceCheck.objects.get(met=False)
    assert "redundancy" in exception.exception_reason
    conversions = EmploymentSpell.objects.filter(leaving_reason=LeavingReason.CONVERSION)
    assert conversions.count() >= 3
    year, quarter = quarter_of(timezone.localdate())
    previous = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    assert len(return_rows(*quarter_bounds(*previous))) >= 8
    agency_worker = client_for(None)
    from accounts.models import User

    agency_worker.force_login(User.objects.get(email="agency.sw@demo.southamptonway.example"))
    page = agency_worker.get("/workforce/my-assignment/").content.decode()
    assert "Solent Social Care Recruitment" in page
