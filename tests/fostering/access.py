"""Who may open each fostering URL. Cases: the fostering team and administrators only."""

from tests.access import ALL_ROLES, Row

TEAM = {"fostering team", "administrator"}


def _event(make_user):
    from fostering.factories import InformationEventFactory

    return {"pk": InformationEventFactory().pk}


def _booking_token(make_user):
    from fostering.factories import EventBookingFactory
    from fostering.services import booking_token

    return {"token": booking_token(EventBookingFactory())}


def _case(make_user):
    from fostering.factories import FosteringCaseFactory

    return {"pk": FosteringCaseFactory().pk}


def _someone_elses_case(make_user):
    from fostering.factories import FosteringCaseFactory

    owner = make_user("foster enquirer")
    return {"reference": FosteringCaseFactory(user=owner, email=owner.email).reference}


def _someone_elses_application(make_user):
    from fostering.application_services import invite_to_apply
    from fostering.factories import FosteringCaseFactory
    from fostering.pipeline import Stage

    owner = make_user("foster enquirer")
    case = FosteringCaseFactory(user=owner, email=owner.email, stage=Stage.INITIAL_VISIT)
    invite_to_apply(case, by=None)
    return {"reference": case.reference}


def _someone_elses_section(make_user):
    return {**_someone_elses_application(make_user), "key": "health"}


def _someone_elses_item(make_user):
    return {**_someone_elses_section(make_user), "index": 0}


def _joint_invitation(make_user):
    from fostering.application_services import invite_joint_applicant
    from fostering.models import FosteringApplication

    reference = _someone_elses_application(make_user)["reference"]
    application = FosteringApplication.objects.get(case__reference=reference)
    joint = invite_joint_applicant(application, name="Jo", email="jo.joint@example.com", by=None)
    return {"token": joint.invitation_token}


def _reference_link(make_user):
    import datetime

    from core.references import issue
    from fostering.factories import FosteringCaseFactory
    from fostering.models import Stage1Check

    check = Stage1Check.objects.create(case=FosteringCaseFactory(), check_type="reference")
    request = issue(
        check,
        purpose="fostering",
        referee_name="Ref",
        referee_email="ref@example.com",
        about="Amara Nwosu",
        valid_for=datetime.timedelta(weeks=12),
    )
    return {"token": request.token}


def _team_application(make_user):
    from fostering.models import FosteringCase

    reference = _someone_elses_application(make_user)["reference"]
    return {"pk": FosteringCase.objects.get(reference=reference).pk}


def _check(make_user):
    from fostering.factories import FosteringCaseFactory, HouseholdMemberFactory
    from fostering.services import create_checks_for

    member = HouseholdMemberFactory(case=FosteringCaseFactory())
    return {"pk": create_checks_for(member)[0].pk}


def _session(make_user):
    from fostering.factories import PreparationSessionFactory

    return {"pk": PreparationSessionFactory().pk}


ACCESS = [
    Row("fostering:events", public=True),
    Row("fostering:event_detail", public=True, kwargs=_event),
    Row("fostering:manage_booking", public=True, kwargs=_booking_token),
    Row("fostering:enquiry", public=True),
    Row("fostering:can_i_foster", public=True),
    # Without an enquiry in this browser session, the thank-you page sends you to the form.
    Row("fostering:enquiry_sent", public=True, ok=302),
    Row("fostering:my_cases", allowed=ALL_ROLES),
    # Somebody else's case: nobody but its owner gets it, not even staff.
    Row("fostering:my_case", kwargs=_someone_elses_case, others=404),
    # Applying online: only the people applying; anyone else's application is a 404.
    Row("fostering:apply", kwargs=_someone_elses_application, others=404),
    Row("fostering:apply_joint", kwargs=_someone_elses_application, others=404),
    Row("fostering:apply_declaration", kwargs=_someone_elses_application, others=404),
    Row("fostering:apply_sent", kwargs=_someone_elses_application, others=404),
    Row("fostering:apply_section", kwargs=_someone_elses_section, others=404),
    # Sending and removing are POST only.
    Row("fostering:apply_submit", kwargs=_someone_elses_application, others=405),
    Row("fostering:apply_remove_item", kwargs=_someone_elses_item, others=405),
    # The invitation link is the key; accepting it checks the invited address.
    Row("fostering:apply_join", allowed=ALL_ROLES, kwargs=_joint_invitation),
    Row("fostering:reference", public=True, kwargs=_reference_link),
    Row("fostering:case_invite", allowed=TEAM, kwargs=_case, ok=405),
    Row("fostering:case_application", allowed=TEAM, kwargs=_team_application),
    Row("fostering:dashboard", allowed=TEAM),
    Row("fostering:case_detail", allowed=TEAM, kwargs=_case),
    Row("fostering:case_move", allowed=TEAM, kwargs=_case, ok=405),
    Row("fostering:case_note", allowed=TEAM, kwargs=_case, ok=405),
    Row("fostering:case_book_training", allowed=TEAM, kwargs=_case, ok=405),
    Row("fostering:case_edit", allowed=TEAM, kwargs=_case),
    Row("fostering:member_add", allowed=TEAM, kwargs=_case),
    Row("fostering:check_edit", allowed=TEAM, kwargs=_check),
    Row("fostering:session_register", allowed=TEAM, kwargs=_session),
    Row("fostering:reports", allowed=TEAM),
    Row("fostering:report_export", allowed=TEAM, kwargs={"fmt": "csv"}),
]
