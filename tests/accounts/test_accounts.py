import datetime
import json
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.factories import JobRoleFactory, StaffProfileFactory, TeamFactory, UserFactory
from accounts.models import User
from accounts.roles import Role

pytestmark = pytest.mark.django_db

PASSWORD = "Southampton-demo-2026"


def signup(client, **overrides):
    data = {
        "first_name": "Ada",
        "last_name": "Jones",
        "email": "ada@example.com",
        "password1": "a-long-Passphrase-9",
        "password2": "a-long-Passphrase-9",
        "interest": Role.CANDIDATE,
        **overrides,
    }
    return client.post(reverse("account_signup"), data)


def test_public_signup_creates_a_candidate_who_must_verify_their_email(client):
    response = signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="ada@example.com")
    assert user.roles == {Role.CANDIDATE}
    assert not user.is_staff
    assert len(mail.outbox) == 1
    assert "Confirm" in mail.outbox[0].subject or "confirm" in mail.outbox[0].body
    # Not signed in until the address is confirmed.
    assert client.get(reverse("accounts:dashboard")).status_code == 302


def test_signup_can_choose_fostering_but_never_a_staff_role(client):
    signup(client, email="fos@example.com", interest=Role.FOSTER_ENQUIRER)
    assert User.objects.get(email="fos@example.com").roles == {Role.FOSTER_ENQUIRER}
    response = signup(client, email="sneaky@example.com", interest=Role.RECRUITER)
    assert response.status_code == 200
    assert not User.objects.filter(email="sneaky@example.com").exists()
    assert "Select a valid choice" in response.content.decode()


def test_signup_errors_are_listed_in_an_error_summary_and_keep_what_was_typed(client):
    response = signup(client, password2="different-Passphrase-9")
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert 'value="ada@example.com"' in html
    assert not User.objects.exists()


def test_confirming_the_email_signs_the_candidate_in(client):
    signup(client)
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", mail.outbox[0].body)
    path = "/" + link.group(0).split("/", 3)[3]
    client.post(path)
    assert client.get(reverse("accounts:dashboard")).status_code == 200


def test_wrong_password_gives_a_clear_message_and_no_session(client):
    UserFactory(email="kim@example.com")
    response = client.post(
        reverse("account_login"), {"login": "kim@example.com", "password": "wrong-password"}
    )
    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_unverified_address_cannot_sign_in(client):
    UserFactory(email="new@example.com", verified=False)
    response = client.post(
        reverse("account_login"), {"login": "new@example.com", "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302)
    assert len(mail.outbox) == 1  # a fresh verification e-mail


def test_a_password_reset_link_works_once(client):
    UserFactory(email="lee@example.com")
    client.post(reverse("account_reset_password"), {"email": "lee@example.com"})
    link = re.search(r"/accounts/password/reset/key/[^\s]+/", mail.outbox[0].body).group(0)
    form_page = client.get(link, follow=True)
    set_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    new = "another-Passphrase-42"
    client.post(set_url, {"password1": new, "password2": new})
    assert User.objects.get(email="lee@example.com").check_password(new)
    client.logout()
    reused = client.get(link, follow=True)
    assert "invalid" in reused.content.decode().lower()


def test_privileged_roles_are_sent_to_set_up_mfa_before_any_staff_page(client_for):
    client = client_for(Role.RECRUITER, mfa=False)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # Their own account pages stay reachable so they can set it up (allauth first asks
    # for the password again, as it does before any security change).
    page = client.get(reverse("mfa_activate_totp"), follow=True)
    assert page.status_code == 200
    assert page.redirect_chain[-1][0].startswith("/accounts/")


def test_with_mfa_set_up_a_recruiter_reaches_the_staff_workspace(client_for):
    assert client_for(Role.RECRUITER).get("/admin/").status_code == 200


def test_a_candidate_never_needs_mfa_and_never_reaches_the_admin(client_for):
    client = client_for(Role.CANDIDATE)
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    # A clear refusal, not a sign-in page that sends a signed-in person straight back.
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert response.redirect_chain == []
    assert "You cannot see this page" in response.content.decode()
    assert "your account" in response.content.decode()


@pytest.mark.parametrize("role", [Role.STAFF_MEMBER, Role.FOSTER_ENQUIRER])
def test_other_roles_without_admin_access_get_a_403_from_the_admin(client_for, role):
    assert client_for(role).get("/admin/pages/").status_code == 403


def test_wagtail_admin_sign_in_goes_through_allauth(client):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert client.get("/admin/").status_code == 302


def test_a_social_work_role_needs_a_registration_number():
    profile = StaffProfileFactory.build(
        user=UserFactory(),
        job_role=JobRoleFactory(name="Senior social worker", requires_swe_registration=True),
        team=TeamFactory(),
        swe_registration_number="",
    )
    with pytest.raises(ValidationError) as exc:
        profile.full_clean()
    assert "swe_registration_number" in exc.value.message_dict


def test_registration_numbers_must_look_like_social_work_england_ones():
    profile = StaffProfileFactory(swe_registration_number="SW123456")
    profile.swe_registration_number = "123456"
    with pytest.raises(ValidationError):
        profile.full_clean()


def test_locality_defaults_to_the_teams():
    profile = StaffProfileFactory(locality=None)
    assert profile.locality == profile.team.locality


def test_a_person_can_download_their_own_data(client_for):
    client = client_for(Role.CANDIDATE, email="me@example.com", first_name="Mo")
    response = client.get(reverse("accounts:download_data"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == "me@example.com"
    assert data["account"]["roles"] == [Role.CANDIDATE]


def test_a_candidate_can_delete_their_account_after_confirming_their_password(client_for):
    client = client_for(Role.CANDIDATE, email="bye@example.com")
    response = client.post(reverse("accounts:delete"), {"password": "wrong"})
    assert "not correct" in response.content.decode()
    assert User.objects.filter(email="bye@example.com").exists()
    client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert not User.objects.filter(email="bye@example.com").exists()


def test_staff_cannot_delete_their_own_account(client_for):
    client = client_for(Role.STAFF_MEMBER)
    client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert User.objects.filter(pk=client.user.pk).exists()


def test_unverified_public_signups_are_purged_after_two_weeks():
    from django.utils import timezone

    from accounts.tasks import purge_unverified_accounts

    old = UserFactory(email="old@example.com", verified=False, roles=[Role.CANDIDATE])
    User.objects.filter(pk=old.pk).update(date_joined=timezone.now() - datetime.timedelta(days=20))
    fresh = UserFactory(email="fresh@example.com", verified=False, roles=[Role.CANDIDATE])
    purge_unverified_accounts.delay()
    assert not User.objects.filter(pk=old.pk).exists()
    assert User.objects.filter(pk=fresh.pk).exists()


def test_a_form_with_errors_says_so_in_the_page_title(client):
    """GOV.UK pattern: screen reader users hear the problem before anything else."""
    import re

    def title(response):
        return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)

    assert not title(client.get(reverse("account_signup"))).startswith("Error:")
    response = signup(client, first_name="")
    assert response.status_code == 200
    assert title(response).startswith("Error: ")
    # The message says what to do, and the form has no placeholders.
    html = response.content.decode()
    assert "Enter your first name" in html and "This field is required" not in html
    assert "placeholder=" not in html
    login = client.post(reverse("account_login"), {"login": "", "password": ""})
    assert "Enter your email address" in login.content.decode()
    assert "Enter your password" in login.content.decode()
