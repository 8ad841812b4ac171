"""The enquiry form: what it asks, the acknowledgement, merging a duplicate, and the
enquirer following their own case."""

import pytest
from django.core import mail
from django.urls import reverse

from fostering.factories import FosteringCaseFactory, PreparationSessionFactory, walk_to
from fostering.models import FosteringCase
from fostering.pipeline import Stage
from fostering.services import book_preparation_place, move_case

pytestmark = pytest.mark.django_db

ENQUIRY = {
    "first_name": "Amara",
    "last_name": "Nwosu",
    "email": "amara@example.com",
    "phone": "07700 900456",
    "preferred_call_time": "Weekday mornings",
    "postcode": "so16 4gu",
    "household": "Me and my husband; our daughter is 19.",
    "spare_bedroom": "yes",
    "fostering_types": ["short_term", "emergency"],
    "source": "information_event",
    "consent_to_contact": "on",
}


def enquire(client, **overrides):
    return client.post(reverse("fostering:enquiry"), ENQUIRY | overrides, follow=True)


def test_the_form_explains_who_can_foster_and_asks_only_the_first_questions(client):
    page = client.get(reverse("fostering:enquiry")).content.decode()
    assert "Who can foster" in page
    assert "There is no upper age limit" in page
    assert "please still get in touch" in page
    form_fields = {
        "first_name",
        "last_name",
        "email",
        "phone",
        "preferred_call_time",
        "postcode",
        "household",
        "spare_bedroom",
        "fostering_types",
        "source",
        "consent_to_contact",
    }
    for name in form_fields:
        assert f'name="{name}"' in page
    assert 'name="date_of_birth"' not in page


def test_an_enquiry_is_acknowledged_at_once_with_the_one_working_day_promise(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = enquire(client)
    case = FosteringCase.objects.get()
    assert case.stage == Stage.ENQUIRY
    assert case.postcode == "SO16 4GU"
    assert case.fostering_types == ["short_term", "emergency"]
    text = response.content.decode()
    assert "Enquiry sent" in text and case.reference in text
    assert "within 1 working day" in text
    (message,) = mail.outbox
    assert message.to == ["amara@example.com"]
    assert case.reference in message.body
    assert "within 1 working day" in message.body


def test_missing_answers_keep_what_was_typed_and_save_nothing(client):
    response = enquire(client, consent_to_contact="", postcode="")
    text = response.content.decode()
    assert "govuk-error-summary" in text
    assert "Tick the box to agree" in text
    assert 'value="Amara"' in text
    assert not FosteringCase.objects.exists()


def test_a_second_enquiry_from_the_same_email_merges_into_the_open_case(
    client, django_capture_on_commit_callbacks
):
    enquire(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = enquire(
            client, email="AMARA@example.com", phone="07700 900999", household="Just me now."
        )
    assert FosteringCase.objects.count() == 1
    case = FosteringCase.objects.get()
    assert case.phone == "07700 900456"
    note = case.notes.get()
    assert "07700 900999" in note.text and "Just me now." in note.text
    assert "already had an enquiry" in response.content.decode()
    assert "already had an enquiry" in mail.outbox[-1].body


def test_after_a_closed_case_a_new_enquiry_starts_a_new_case(client, make_user):
    old = FosteringCaseFactory(email="amara@example.com")
    move_case(old, Stage.WITHDRAWN, by=make_user("fostering team"), note="Moving abroad")
    enquire(client)
    assert FosteringCase.objects.count() == 2


def test_the_enquirer_sees_their_own_case_stage_next_step_and_training(client, make_user):
    enquirer = make_user("foster enquirer", email="amara@example.com")
    enquire(client)
    case = FosteringCase.objects.get()
    assert case.user == enquirer  # the verified address matched at once
    worker = make_user("fostering team")
    walk_to(case, Stage.STAGE_ONE, by=worker)
    session = PreparationSessionFactory(title="Skills to Foster, day 1")
    book_preparation_place(session, case)
    client.force_login(enquirer)
    response = client.get(reverse("fostering:my_cases"), follow=True)
    text = response.content.decode()
    assert "Stage 1 checks" in text
    assert "We are carrying out the Stage 1 checks" in text
    assert "Skills to Foster, day 1" in text


def test_an_account_made_after_the_enquiry_is_linked_once_the_email_is_verified(client, make_user):
    case = FosteringCaseFactory(email="late@example.com")
    unverified = make_user("foster enquirer", email="late@example.com", verified=False)
    client.force_login(unverified)
    assert (
        "find a fostering enquiry for" in client.get(reverse("fostering:my_cases")).content.decode()
    )
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(
        user=unverified, email="late@example.com", verified=True, primary=True
    )
    response = client.get(reverse("fostering:my_cases"), follow=True)
    assert case.reference in response.content.decode()


def test_an_enquirer_cannot_open_someone_elses_case(client, make_user):
    mine = FosteringCaseFactory(
        user=make_user("foster enquirer", email="me@example.com"), email="me@example.com"
    )
    theirs = FosteringCaseFactory(user=make_user("foster enquirer"), email="them@example.com")
    client.force_login(mine.user)
    assert client.get(reverse("fostering:my_case", args=[mine.reference])).status_code == 200
    assert client.get(reverse("fostering:my_case", args=[theirs.reference])).status_code == 404


@pytest.mark.parametrize("typed", ["SO15", "not sure", "12345", "SO15 2A"])
def test_an_incomplete_postcode_is_refused_with_a_clear_message(client, typed):
    text = enquire(client, postcode=typed).content.decode()
    assert "Enter a full UK postcode, like SO14 7LY" in text
    assert 'value="Amara"' in text
    assert not FosteringCase.objects.exists()


def test_a_postcode_without_its_space_is_stored_with_it(client):
    enquire(client, postcode="so509de")
    assert FosteringCase.objects.get().postcode == "SO50 9DE"
