"""Applying to foster online: invitation after the visit, sections with their rules, the
joint applicant, declarations, sending, the Stage 1 checks it creates, referees' online
forms and the clock for telling applicants whether they can go on to Stage 2."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.references import ReferenceRequest
from fostering import application_services as applying
from fostering.application_sections import BY_KEY, CONSENTS
from fostering.clocks import case_clocks, flagged_filter
from fostering.factories import FosteringCaseFactory, walk_to
from fostering.models import CheckType, FosteringCase, Stage1Check
from fostering.pipeline import Stage
from fostering.services import PipelineError, move_case
from fostering.tasks import send_reference_reminders

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
SIX_YEARS_AGO = (TODAY - datetime.timedelta(days=6 * 366)).isoformat()


@pytest.fixture
def household(make_user):
    """A case after its initial visit, with the enquirer's account linked, invited to apply."""
    worker = make_user("fostering team")
    lead_user = make_user("foster enquirer", email="amara@example.com")
    case = FosteringCaseFactory(
        user=lead_user, email="amara@example.com", first_name="Amara", last_name="Nwosu"
    )
    walk_to(case, Stage.INITIAL_VISIT, by=worker)
    application = applying.invite_to_apply(case, by=worker)
    lead = application.applicants.get()
    return worker, lead_user, case, application, lead


def fill_own_sections(application, applicant, *, name, partner="Sam Old"):
    applying.save_answers(
        application,
        BY_KEY["about_you"],
        applicant,
        {"full_name": name, "previous_names": "", "date_of_birth": "1984-03-27", "phone": "1"},
    )
    applying.add_item(
        application,
        BY_KEY["addresses"],
        applicant,
        {"address": "1 High Street", "postcode": "SO15 2AB", "moved_in": SIX_YEARS_AGO},
    )
    applying.finish_list(application, BY_KEY["addresses"], applicant)
    applying.add_item(
        application,
        BY_KEY["employment"],
        applicant,
        {"employer": f"{name}'s employer", "job_title": "Teacher", "started": SIX_YEARS_AGO},
    )
    applying.finish_list(application, BY_KEY["employment"], applicant)
    applying.add_item(
        application,
        BY_KEY["former_partners"],
        applicant,
        {"name": partner, "contact": "", "when": "2005 to 2008", "children_together": "no"},
    )
    applying.finish_list(application, BY_KEY["former_partners"], applicant)
    applying.save_answers(
        application,
        BY_KEY["health"],
        applicant,
        {"gp_practice": "Shirley surgery", "conditions": "Asthma", "medical_consent": True},
    )
    applying.save_answers(
        application, BY_KEY["convictions"], applicant, {"has_record": "no", "details": ""}
    )
    applying.sign_declaration(applicant, {key: True for key, _ in CONSENTS})


def fill_household_sections(application, applicant):
    applying.add_item(
        application,
        BY_KEY["household"],
        applicant,
        {
            "name": "Nia Nwosu",
            "relationship": "My daughter",
            "date_of_birth": "2005-01-01",
            "stays": "lives",
        },
    )
    applying.finish_list(application, BY_KEY["household"], applicant)
    applying.add_item(
        application,
        BY_KEY["children"],
        applicant,
        {"name": "Eli Nwosu", "date_of_birth": "2016-05-05", "lives": "here"},
    )
    applying.finish_list(application, BY_KEY["children"], applicant)
    for n in range(2):
        applying.add_item(
            application,
            BY_KEY["referees"],
            applicant,
            {
                "name": f"Referee {n}",
                "email": f"referee{n}@example.com",
                "phone": "1",
                "how_known": "Friend",
                "years_known": 10,
                "is_relative": "no",
                "lives_with_you": "no",
            },
        )
    applying.finish_list(application, BY_KEY["referees"], applicant)
    applying.save_answers(
        application,
        BY_KEY["home"],
        applicant,
        {"bedrooms": 3, "sleeping": "Spare room free", "pets": "", "smoking": "no"},
    )
    applying.save_answers(
        application,
        BY_KEY["fostering"],
        applicant,
        {"types": ["short_term"], "ages": ["5-10"], "how_many": "1"},
    )


def test_the_team_invites_the_household_after_the_visit_and_only_then(
    client_for, django_capture_on_commit_callbacks
):
    client = client_for("fostering team")
    case = FosteringCaseFactory(assessing_worker=client.user, email="early@example.com")
    url = reverse("fostering:case_invite", args=[case.pk])
    page = client.post(url, follow=True).content.decode()
    assert "after the initial home visit" in page
    assert not hasattr(FosteringCase.objects.get(pk=case.pk), "application")
    walk_to(case, Stage.INITIAL_VISIT, by=client.user)
    page = client.get(reverse("fostering:case_detail", args=[case.pk])).content.decode()
    assert "Invite to apply online" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    invitation = next(m for m in mail.outbox if m.to == ["early@example.com"])
    assert f"/fostering-enquiry/my-case/{case.reference}/apply/" in invitation.body
    page = client.post(url, follow=True).content.decode()
    assert "was invited to apply on" in page


def test_the_enquirer_sees_the_task_list_and_nobody_else_does(client_for, household):
    worker, lead_user, case, application, lead = household
    client = client_for(None)
    client.force_login(lead_user)
    page = client.get(reverse("fostering:apply", args=[case.reference])).content.decode()
    assert "Your personal details" in page and "Not yet started" in page
    stranger = client_for("foster enquirer")
    assert stranger.get(reverse("fostering:apply", args=[case.reference])).status_code == 404
    section = reverse("fostering:apply_section", args=[case.reference, "health"])
    assert stranger.get(section).status_code == 404


def test_an_address_history_with_a_gap_is_refused_and_nothing_is_lost(client_for, household):
    worker, lead_user, case, application, lead = household
    client = client_for(None)
    client.force_login(lead_user)
    url = reverse("fostering:apply_section", args=[case.reference, "addresses"])
    two_years_ago = TODAY - datetime.timedelta(days=730)
    client.post(
        url,
        {
            "action": "add",
            "address": "2 Shirley Road",
            "postcode": "SO15 3AA",
            "moved_in": two_years_ago.isoformat(),
        },
    )
    client.post(
        url,
        {
            "action": "add",
            "address": "9 Old Lane",
            "moved_in": f"{TODAY.year - 8}-01-01",
            "moved_out": f"{TODAY.year - 4}-01-01",
        },
    )
    page = client.post(url, {"action": "finish"}).content.decode()
    assert "There is a gap between 1 January" in page
    assert "2 Shirley Road" in page and "9 Old Lane" in page
    assert applying.section_status(application, BY_KEY["addresses"], lead) == "in_progress"


def test_a_referee_who_is_a_relative_or_lives_in_the_household_is_refused(client_for, household):
    worker, lead_user, case, application, lead = household
    client = client_for(None)
    client.force_login(lead_user)
    url = reverse("fostering:apply_section", args=[case.reference, "referees"])
    referee = {
        "action": "add",
        "name": "Auntie Bea",
        "email": "bea@example.com",
        "phone": "07700 900123",
        "how_known": "My aunt",
        "years_known": "40",
        "is_relative": "yes",
        "lives_with_you": "no",
    }
    page = client.post(url, referee).content.decode()
    assert "A referee cannot be a relative" in page
    assert 'value="Auntie Bea"' in page  # what they typed is kept
    page = client.post(
        url, {**referee, "name": "Amara Nwosu", "is_relative": "no"}
    ).content.decode()
    assert "in your household or applying with you" in page
    assert applying.section_record(application, BY_KEY["referees"], lead).data == {}
    page = client.post(url, {"action": "finish"}).content.decode()
    assert "Add at least 2 referees (you have added 0)" in page


def test_a_joint_applicant_joins_with_their_own_verified_account(
    client_for, household, django_capture_on_commit_callbacks
):
    worker, lead_user, case, application, lead = household
    client = client_for(None)
    client.force_login(lead_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("fostering:apply_joint", args=[case.reference]),
            {"action": "invite", "name": "Jo Nwosu", "email": "jo@example.com"},
        )
    invitation = next(m for m in mail.outbox if m.to == ["jo@example.com"])
    joint = application.applicants.get(role="joint")
    assert joint.invitation_token in invitation.body
    join_url = reverse("fostering:apply_join", args=[joint.invitation_token])

    # Someone else's account cannot accept it.
    other = client_for("foster enquirer", email="someone@example.com")
    page = other.post(join_url, follow=True).content.decode()
    assert "The invitation was sent to jo@example.com" in page
    joint.refresh_from_db()
    assert not joint.has_joined

    jo = client_for("foster enquirer", email="jo@example.com")
    response = jo.post(join_url)
    assert response.url == reverse("fostering:apply", args=[case.reference])
    page = jo.get(response.url).content.decode()
    assert "Your personal details" in page

    # Each applicant's health answers are theirs: the other never sees them.
    fill_own_sections(application, lead, name="Amara Nwosu", partner="Lee Former")
    for url in [
        reverse("fostering:apply", args=[case.reference]),
        reverse("fostering:apply_declaration", args=[case.reference]),
        reverse("fostering:apply_section", args=[case.reference, "health"]),
        reverse("fostering:apply_section", args=[case.reference, "former_partners"]),
    ]:
        page = jo.get(url).content.decode()
        assert "Asthma" not in page and "Lee Former" not in page, url


def test_sending_is_refused_until_the_joint_applicant_joins_and_everyone_signs(household):
    worker, lead_user, case, application, lead = household
    applying.invite_joint_applicant(application, name="Jo Nwosu", email="jo@example.com", by=None)
    fill_own_sections(application, lead, name="Amara Nwosu")
    fill_household_sections(application, lead)
    with pytest.raises(applying.ApplicationError, match="Jo Nwosu has not accepted"):
        applying.submit_application(application, by=lead_user)
    case.refresh_from_db()
    assert case.stage == Stage.INITIAL_VISIT and not case.checks.exists()
    # The team cannot move the case to "application received" behind the applicants' backs.
    with pytest.raises(PipelineError, match="has not sent its online application"):
        move_case(case, Stage.APPLICATION, by=worker)


def test_sending_moves_the_case_creates_every_check_and_asks_the_referees(
    household, make_user, django_capture_on_commit_callbacks
):
    worker, lead_user, case, application, lead = household
    joint = applying.invite_joint_applicant(
        application, name="Jo Nwosu", email="jo@example.com", by=None
    )
    jo = make_user("foster enquirer", email="jo@example.com")
    applying.accept_joint_invitation(joint.invitation_token, jo)
    joint.refresh_from_db()
    fill_own_sections(application, lead, name="Amara Nwosu", partner="Lee Former")
    fill_own_sections(application, joint, name="Jo Nwosu", partner="Kim Former")
    fill_household_sections(application, joint)
    with django_capture_on_commit_callbacks(execute=True):
        applying.submit_application(application, by=lead_user)

    case.refresh_from_db()
    assert case.stage == Stage.APPLICATION
    assert case.application_received_on == TODAY  # the 8-month clock runs from here
    assert "panel_recommendation" in {c.key for c in case_clocks(case)}
    counts = {}
    for check_type in case.checks.values_list("check_type", flat=True):
        counts[check_type] = counts.get(check_type, 0) + 1
    # Three adults (two applicants and their adult daughter): DBS and council checks each.
    assert counts == {
        CheckType.DBS: 3,
        CheckType.LOCAL_AUTHORITY: 3,
        CheckType.MEDICAL: 2,
        CheckType.EMPLOYER: 2,
        CheckType.FORMER_PARTNER: 2,
        CheckType.REFERENCE: 2,
        CheckType.HOME_SAFETY: 1,
    }
    assert set(case.checks.values_list("assigned_to", flat=True)) == {worker.pk}
    assert case.members.filter(is_adult=False).get().name == "Eli Nwosu"
    referee_mail = [m for m in mail.outbox if m.to == ["referee0@example.com"]]
    assert len(referee_mail) == 1 and "/fostering-reference/" in referee_mail[0].body
    assert {m.to[0] for m in mail.outbox if "We have your application" in m.subject} == {
        "amara@example.com",
        "jo@example.com",
    }
    with pytest.raises(applying.ApplicationError, match="was sent on"):
        applying.submit_application(application, by=lead_user)
    assert case.checks.count() == 15


def _sent(household, make_user):  # noqa: ARG001 (the fixture order matters)
    worker, lead_user, case, application, lead = household
    fill_own_sections(application, lead, name="Amara Nwosu")
    fill_household_sections(application, lead)
    applying.submit_application(application, by=lead_user)
    case.refresh_from_db()
    return case


def test_a_referee_answers_once_through_the_opaque_link(client, household, make_user):
    _sent(household, make_user)
    request = ReferenceRequest.objects.first()
    url = reverse("fostering:reference", args=[request.token])
    page = client.get(url).content.decode()
    assert "A reference for Amara Nwosu" in page
    answers = {
        "how_known": "Ten years, as neighbours",
        "with_children": "Kind and patient with my children",
        "strengths": "Calm",
        "concerns": "no",
        "allegations": "no",
        "recommend": "yes",
        "true_statement": "on",
    }
    page = client.post(url, {**answers, "concerns": "yes"}).content.decode()
    assert "Tell us more about what you answered yes to" in page
    page = client.post(url, answers).content.decode()
    assert "Reference sent" in page
    check = Stage1Check.objects.get(pk=request.object_id)
    assert check.completed_on == TODAY
    request.refresh_from_db()
    assert request.answers["Would you recommend them as foster carers?"] == "Yes"
    again = client.get(url)
    assert again.status_code == 404 and "Thank you: there is nothing more to do" in (
        again.content.decode()
    )


def test_an_expired_or_unknown_reference_link_says_so(client, household, make_user):
    _sent(household, make_user)
    request = ReferenceRequest.objects.first()
    ReferenceRequest.objects.filter(pk=request.pk).update(expires_at=timezone.now())
    page = client.get(reverse("fostering:reference", args=[request.token]))
    assert page.status_code == 404 and "has expired" in page.content.decode()
    page = client.get(reverse("fostering:reference", args=["not-a-token"]))
    assert page.status_code == 404 and "not recognised" in page.content.decode()


def test_referees_are_reminded_once_after_seven_days(household, make_user):
    _sent(household, make_user)
    mail.outbox.clear()
    soon = (timezone.now() + datetime.timedelta(days=6)).isoformat()
    assert send_reference_reminders(soon) == 0
    later = (timezone.now() + datetime.timedelta(days=7, minutes=1)).isoformat()
    assert send_reference_reminders(later) == 2
    assert send_reference_reminders(later) == 0
    assert {m.to[0] for m in mail.outbox} == {"referee0@example.com", "referee1@example.com"}


def test_a_reference_recorded_another_way_closes_the_link(client_for, household, make_user):
    _sent(household, make_user)
    client = client_for("fostering team")
    request = ReferenceRequest.objects.first()
    client.post(
        reverse("fostering:check_edit", args=[request.object_id]),
        {
            "detail": "Referee 0 (Friend)",
            "requested_on": TODAY.isoformat(),
            "completed_on": TODAY.isoformat(),
            "outcome": "satisfactory",
            "notes": "Taken by phone",
        },
    )
    response = client_for(None).get(reverse("fostering:reference", args=[request.token]))
    assert response.status_code == 404


def test_after_the_last_check_the_stage_two_clock_runs_and_flags(client_for, household, make_user):
    case = _sent(household, make_user)
    lead_user = household[1]
    team = client_for("fostering team")
    assert "stage_two_decision" not in {c.key for c in case_clocks(case)}
    last = case.checks.order_by("pk").last()
    case.checks.exclude(pk=last.pk).update(completed_on=TODAY, outcome="satisfactory")
    team.post(
        reverse("fostering:check_edit", args=[last.pk]),
        {
            "requested_on": TODAY.isoformat(),
            "completed_on": TODAY.isoformat(),
            "outcome": "satisfactory",
        },
    )
    case.refresh_from_db()
    assert case.stage_one_completed_on == TODAY
    clock = {c.key: c for c in case_clocks(case)}["stage_two_decision"]
    assert clock.status == "on_track"
    page = team.get(reverse("fostering:case_detail", args=[case.pk])).content.decode()
    assert "whether they can go on to Stage 2" in page
    # Twelve working days on, nobody has told them: the dashboard flags it.
    later = TODAY + datetime.timedelta(days=20)
    flagged = FosteringCase.objects.filter(flagged_filter(today=later))
    assert case in flagged
    assert {c.key: c for c in case_clocks(case, today=later)}["stage_two_decision"].status == (
        "overdue"
    )
    applicant = client_for(None)
    applicant.force_login(lead_user)
    page = applicant.get(reverse("fostering:my_case", args=[case.reference])).content.decode()
    assert "All your checks are back" in page


def test_applicants_see_their_checks_in_plain_words_without_third_parties(
    client_for, household, make_user
):
    case = _sent(household, make_user)
    lead_user = household[1]
    client = client_for(None)
    client.force_login(lead_user)
    page = client.get(reverse("fostering:my_case", args=[case.reference])).content.decode()
    progress = page[page.index('id="check-progress"') :]
    progress = progress[: progress.index("</dl>")]
    assert "Personal references" in progress and "0 of 2 done" in progress
    assert "Referee 0" not in page and "Sam Old" not in page and "employer" not in progress


def test_answers_cannot_be_changed_after_sending(client_for, household, make_user):
    case = _sent(household, make_user)
    client = client_for(None)
    client.force_login(household[1])
    url = reverse("fostering:apply_section", args=[case.reference, "home"])
    response = client.post(url, {"bedrooms": "9"}, follow=True)
    assert "can no longer be changed" in response.content.decode()
    record = applying.section_record(case.application, BY_KEY["home"], None)
    assert record.data["bedrooms"] == 3


def test_no_verified_email_no_join(household, make_user):
    worker, lead_user, case, application, lead = household
    joint = applying.invite_joint_applicant(
        application, name="Jo Nwosu", email="jo@example.com", by=None
    )
    jo = make_user("foster enquirer", email="jo@example.com")
    EmailAddress.objects.filter(user=jo).update(verified=False)
    with pytest.raises(applying.ApplicationError, match="Sign in with the account"):
        applying.accept_joint_invitation(joint.invitation_token, jo)


def test_the_team_reads_every_answer_and_the_consents_with_their_dates(
    client_for, household, make_user
):
    case = _sent(household, make_user)
    client = client_for("fostering team")
    page = client.get(reverse("fostering:case_detail", args=[case.pk])).content.decode()
    assert "Read the application" in page
    page = client.get(reverse("fostering:case_application", args=[case.pk])).content.decode()
    assert "Asthma" in page and "Sam Old" in page  # private to the applicant, not the team
    assert "I agree to an enhanced DBS check, including the children" in page
    assert f"Agreed {TODAY:%-d %B %Y}" in page


def test_the_download_holds_ones_own_answers_and_retention_removes_the_application(
    client_for, household, make_user
):
    import json

    from fostering.tasks import anonymise_closed_enquiries

    case = _sent(household, make_user)
    client = client_for(None)
    client.force_login(household[1])
    data = json.loads(client.get(reverse("accounts:download_data")).content)
    exported = data["fostering"]["applications_to_foster"][0]
    assert exported["sections"]["Your health and GP"]["conditions"] == "Asthma"
    assert exported["declaration"][0]["consent"] == "dbs"
    ReferenceRequest.objects.update(answers={"Anything": "Kept in confidence"})
    assert "Kept in confidence" not in json.dumps(data)

    move_case(case, Stage.WITHDRAWN, by=household[0], note="Moving away")
    FosteringCase.objects.filter(pk=case.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=400)
    )
    assert anonymise_closed_enquiries() == 1
    assert not ReferenceRequest.objects.exists()
    assert not hasattr(FosteringCase.objects.get(pk=case.pk), "application")


def test_can_i_foster_explains_and_never_turns_anyone_away(client):
    page = client.get(reverse("fostering:can_i_foster"))
    assert page.status_code == 200 and "What your answers mean" not in page.content.decode()
    text = client.get(
        reverse("fostering:can_i_foster"), {"age": "no", "bedroom": "no", "experience": "no"}
    ).content.decode()
    assert "You can be approved as a foster carer from 21" in text
    assert "Nothing here stops you enquiring" in text
    assert reverse("fostering:enquiry") in text
    text = client.get(reverse("fostering:can_i_foster"), {"age": "yes"}).content.decode()
    assert "There is a problem" in text and "Enquire about fostering" in text
