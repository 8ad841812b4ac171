"""Social Work England registration: checks, CPD readiness, fortnightly reminders, renewals."""

import datetime

import pytest

from academy.models import CpdEntry
from accounts.factories import StaffProfileFactory, UserFactory
from core.models import Notification
from workforce.errors import WorkforceError
from workforce.services.registration import (
    record_check,
    record_renewal,
    renewal_not_recorded,
    send_cpd_reminders,
    set_registration_number,
)

D = datetime.date
pytestmark = pytest.mark.django_db


MARCH = D(2026, 3, 10)


def cpd(user, *, peer=False, on=MARCH):
    return CpdEntry.objects.create(
        user=user,
        title="Reflective practice workshop",
        cpd_type=CpdEntry._meta.get_field("cpd_type").choices[0][0],
        activity_date=on,
        description="d",
        learning="l",
        impact="i",
        peer_reflection="Talked it through with a colleague" if peer else "",
        status=CpdEntry.Status.READY,
    )


def test_reminders_go_fortnightly_from_september_until_cpd_is_ready():
    manager = UserFactory(email="manager@example.com")
    worker = StaffProfileFactory(line_manager=manager, user__email="sw@example.com")
    ready = StaffProfileFactory()
    cpd(ready.user)
    cpd(ready.user, peer=True)
    cpd(worker.user)  # one piece, not peer-reflected: not enough
    assert send_cpd_reminders(D(2026, 8, 31)) == 0
    assert send_cpd_reminders(D(2026, 9, 1)) == 1
    assert send_cpd_reminders(D(2026, 9, 2)) == 0  # same fortnight: nothing more
    sent = Notification.objects.order_by("to").values_list("to", flat=True)
    assert list(sent) == ["manager@example.com", "sw@example.com"]
    assert send_cpd_reminders(D(2026, 9, 15)) == 1  # the next fortnight
    cpd(worker.user, peer=True, on=D(2026, 9, 20))
    assert send_cpd_reminders(D(2026, 9, 29)) == 0  # ready now: no more reminders
    body = Notification.objects.filter(to="sw@example.com").first().body
    assert "1 piece of CPD, 0 reflected on with a peer" in body
    assert "30 November 2026" in body


def test_from_december_those_without_a_recorded_renewal_are_listed(make_user):
    lead = make_user("workforce lead")
    renewed, missing = StaffProfileFactory(), StaffProfileFactory()
    record_renewal(renewed, by=lead, on=D(2026, 10, 5))
    listed = set(renewal_not_recorded(D(2026, 12, 2)))
    assert missing in listed and renewed not in listed


def test_a_registration_check_records_who_and_when_and_refuses_bad_input(make_user):
    lead = make_user("workforce lead")
    profile = StaffProfileFactory(swe_registration_number="SW123456")
    check = record_check(profile, checked_on=D(2026, 11, 2), outcome="registered", by=lead)
    assert (check.checked_by, check.registration_number) == (lead, "SW123456")
    with pytest.raises(WorkforceError, match="future"):
        record_check(profile, checked_on=D(2099, 1, 1), outcome="registered", by=lead)
    with pytest.raises(WorkforceError, match="SW followed by digits"):
        set_registration_number(profile, "12345")
    profile.refresh_from_db()
    assert profile.swe_registration_number == "SW123456"
    set_registration_number(profile, "sw 654321")
    assert profile.swe_registration_number == "SW654321"
