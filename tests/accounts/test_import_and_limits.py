import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import reverse

from accounts.factories import JobRoleFactory, TeamFactory, UserFactory
from accounts.models import User

pytestmark = pytest.mark.django_db

HEADER = (
    "email,first_name,last_name,employment_type,job_role,team,start_date,end_date,"
    "line_manager_email,swe_registration_number,swe_renewal_date,nqsw_first_year\n"
)


@pytest.fixture
def reference_data():
    JobRoleFactory(name="Social worker", requires_swe_registration=True)
    TeamFactory(name="West Locality Team")


def test_an_hr_export_creates_staff_with_profiles_and_the_staff_role(tmp_path, reference_data):
    csv_file = tmp_path / "staff.csv"
    csv_file.write_text(
        HEADER + "Kai.Wong@example.com,Kai,Wong,agency,Social worker,West Locality Team,"
        "2026-10-01,,,SW998877,2027-11-30,no\n"
    )
    call_command("import_staff", str(csv_file))
    user = User.objects.get(email="kai.wong@example.com")
    assert user.roles == {"staff member"}
    assert not user.has_usable_password()
    assert user.staff_profile.employment_type == "agency"
    assert user.staff_profile.locality == user.staff_profile.team.locality


def test_one_bad_row_means_nothing_is_imported(tmp_path, reference_data):
    csv_file = tmp_path / "staff.csv"
    csv_file.write_text(
        HEADER + "good@example.com,Good,Row,permanent,Social worker,West Locality Team,"
        "2026-10-01,,,SW100200,,no\n"
        + "bad@example.com,Bad,Row,permanent,Social worker,West Locality Team,"
        "2026-10-01,,,,,no\n"  # a social worker without a registration number
    )
    with pytest.raises(CommandError) as exc:
        call_command("import_staff", str(csv_file))
    assert "line 3" in str(exc.value)
    assert "Social Work England" in str(exc.value)
    assert not User.objects.filter(email__in=["good@example.com", "bad@example.com"]).exists()


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "10/m/ip,3/300s/key"})
def test_repeated_wrong_passwords_are_rate_limited(client):
    from django.core.cache import cache

    cache.clear()
    UserFactory(email="target@example.com")
    statuses = [
        client.post(
            reverse("account_login"), {"login": "target@example.com", "password": "guess"}
        ).status_code
        for _ in range(4)
    ]
    assert statuses[:3] == [200, 200, 200]
    last = client.post(
        reverse("account_login"),
        {"login": "target@example.com", "password": "Southampton-demo-2026"},
    )
    # Even the right password is refused while the limit holds.
    assert "_auth_user_id" not in client.session
    assert last.status_code in (200, 429)
    assert "too many" in last.content.decode().lower()
