import datetime
import re
import zlib

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from academy.factories import CoursePageFactory, ELearningModulePageFactory, staff_user
from academy.models import Certificate, Completion, CourseFormat, CoursePage
from academy.services.attendance import mark_register
from academy.services.certificates import VERIFY_LIMIT, expiry_for
from accounts.roles import Role
from core.booking import BookingStatus
from tests.academy.checks import pass_modules


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _pdf_text(data: bytes) -> str:
    text = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            text.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            text.append(stream.decode("latin-1"))
    return "".join(text)


@pytest.mark.parametrize(
    ("completed", "months", "expires"),
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2024, 2, 29), 12, datetime.date(2025, 2, 28)),
        (datetime.date(2026, 3, 31), 36, datetime.date(2029, 3, 31)),
        (datetime.date(2026, 8, 30), 6, datetime.date(2027, 2, 28)),
        (datetime.date(2026, 5, 29), 9, datetime.date(2027, 2, 28)),
        (datetime.date(2027, 5, 29), 9, datetime.date(2028, 2, 29)),
    ],
)
def test_expiry_is_calendar_correct(completed, months, expires):
    assert expiry_for(completed, months) == expires


def test_passing_e_learning_issues_a_certificate_listed_and_downloadable(client, db):
    course = CoursePageFactory(
        title="Practice framework", format=CourseFormat.E_LEARNING, cpd_hours=2, renewal_months=36
    )
    modules = [ELearningModulePageFactory(parent=course) for _ in range(2)]
    person = staff_user(first_name="Amara", last_name="Okafor")
    client.force_login(person)
    pass_modules(client, modules)

    certificate = Certificate.objects.get(user=person)
    today = timezone.localdate()
    assert certificate.holder_name == "Amara Okafor"
    assert certificate.course_title == "Practice framework"
    assert certificate.completed_on == today
    assert certificate.expires_on == expiry_for(today, 36)
    assert len(certificate.code) == 12

    page = client.get(reverse("academy:my_training")).content.decode()
    assert "Your certificates" in page
    assert certificate.display_code in page
    response = client.get(reverse("academy:certificate", args=[certificate.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = _pdf_text(response.content)
    assert "Amara Okafor" in text
    assert "Practice framework" in text
    assert f"Valid until {certificate.expires_on:%-d %B %Y}" in text
    assert certificate.display_code in text

    # Someone else asking for it by id is told it does not exist.
    client.force_login(staff_user())
    assert client.get(reverse("academy:certificate", args=[certificate.pk])).status_code == 404


def test_attending_a_session_issues_a_certificate_and_a_correction_withdraws_it(
    session_factory, staff
):
    session = session_factory(days=-1)
    lead = staff_user(roles=[Role.LD_LEAD])
    person = staff()
    booking = session.bookings.create(user=person, status=BookingStatus.CONFIRMED)
    mark_register(session, lead, {booking.pk: BookingStatus.ATTENDED})
    certificate = Certificate.objects.get(user=person)
    assert certificate.completion.booking == booking
    assert certificate.course_title == session.course.title
    mark_register(session, lead, {booking.pk: BookingStatus.NO_SHOW})
    assert not Certificate.objects.filter(user=person).exists()


def _certificate(completed_on, renewal_months=12):
    course = CoursePage.objects.filter(
        title="Motivational Interviewing"
    ).first() or CoursePageFactory(title="Motivational Interviewing", renewal_months=renewal_months)
    person = staff_user(first_name="Jo", last_name="Mary Bloggs")
    completion = Completion.objects.create(
        user=person, course=course, completed_on=completed_on, source="recorded"
    )
    return completion.certificate


def test_the_public_check_says_valid_expired_or_unknown_and_shows_only_initials(db):
    today = timezone.localdate()
    valid = _certificate(today - datetime.timedelta(days=10))
    browser = Client()
    response = browser.get(reverse("academy:verify", args=[valid.display_code.lower()]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "This certificate is valid" in page
    assert "Motivational Interviewing" in page
    assert "J.M.B." in page
    assert f"{valid.expires_on:%-d %B %Y}" in page
    assert "Bloggs" not in page and valid.user.email not in page

    expired = _certificate(today - datetime.timedelta(days=400))
    page = browser.get(reverse("academy:verify", args=[expired.code])).content.decode()
    assert "This certificate has expired" in page

    for forged in ["AAAA-BBBB-CCCC", "0000", "<script>", valid.code[:-1] + "Z"]:
        if forged.replace("-", "") == valid.code:
            continue
        response = browser.get(reverse("academy:verify", args=[forged]))
        assert response.status_code == 404
        page = response.content.decode()
        assert "We could not find that certificate" in page
        assert "Motivational Interviewing" not in page

    response = browser.get(reverse("academy:verify_form"), {"code": valid.display_code})
    assert response.status_code == 302
    assert response["Location"] == reverse("academy:verify", args=[valid.code])


def test_guessing_codes_is_rate_limited_whatever_the_guess(db):
    valid = _certificate(timezone.localdate())
    browser = Client()
    for n in range(VERIFY_LIMIT):
        browser.get(reverse("academy:verify", args=[f"GUESS{n:07d}"]))
    response = browser.get(reverse("academy:verify", args=[valid.code]))
    assert response.status_code == 429
    page = response.content.decode()
    assert "checked too many certificates" in page
    assert "Motivational Interviewing" not in page
    # Another address is unaffected.
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.get(reverse("academy:verify", args=[valid.code])).status_code == 200
