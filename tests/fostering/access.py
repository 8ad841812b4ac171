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
    # Without an enquiry in this browser session, the thank-you page sends you to the form.
    Row("fostering:enquiry_sent", public=True, ok=302),
    Row("fostering:my_cases", allowed=ALL_ROLES),
    # Somebody else's case: nobody but its owner gets it, not even staff.
    Row("fostering:my_case", kwargs=_someone_elses_case, others=404),
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
