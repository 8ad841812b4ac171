"""What the portal holds about a fostering enquirer: which fields are personal (declared
once, read by anonymisation, erasure and the data download), exported on request, erased
with care."""

from core.booking import CANCELLABLE
from core.booking import cancel as cancel_booking
from core.privacy import (
    anonymised_values,
    declare_personal_data,
    personal_data_eraser,
    personal_data_exporter,
    personal_values,
)

from .application_models import Applicant, ApplicationSection, FosteringApplication
from .models import (
    BankHoliday,
    CaseNote,
    ClockAlert,
    EventBooking,
    FosteringCase,
    FosteringRules,
    HouseholdMember,
    InformationEvent,
    PreparationBooking,
    PreparationSession,
    Stage1Check,
    StageMove,
)
from .pipeline import CLOSED, Stage

_BOOKING = [
    "id",
    "status",
    "created_at",
    "updated_at",
    "offer_expires_at",
    "cancelled_at",
    # The engine's record of the last move: the move's name, the member of staff, the time.
    "last_move",
    "moved_by",
    "moved_at",
]
_SESSION = [
    "id",
    "starts_at",
    "ends_at",
    "capacity",
    "booking_opens_at",
    "booking_closes_at",
    "is_cancelled",
    "title",
    "venue",
]

declare_personal_data(
    FosteringCase,
    personal=[
        "first_name",
        "last_name",
        "email",
        "phone",
        "preferred_call_time",
        "postcode",
        "household",
        "user",
    ],
    # Kept once the case is anonymised: the answers from fixed lists, why the case closed
    # and the dates are what the reports count, and they name nobody on their own.
    not_personal=[
        "id",
        "reference",
        "closed_reason",
        "spare_bedroom",
        "fostering_types",
        "source",
        "consent_to_contact",
        "stage",
        "enquired_at",
        "stage_changed_at",
        "closed_at",
        "assessing_worker",
        "supervising_team",
        "application_received_on",
        "panel_date",
        "panel_papers_sent_on",
        "panel_minutes_received_on",
        "anonymised_at",
        "assessment_completed_on",
        "panel_recommendation",
        "agency_decision",
        "stage_one_completed_on",
    ],
    identifying=["first_name", "last_name", "email", "phone", "postcode", "user"],
)
# `by` and `author` are the fostering team's own staff (the audit trail).
declare_personal_data(
    StageMove,
    personal=["note", "override_reason"],
    not_personal=["id", "case", "from_stage", "to_stage", "by", "at", "overridden"],
)
declare_personal_data(CaseNote, personal=["text"], not_personal=["id", "case", "author", "at"])
declare_personal_data(
    HouseholdMember,
    personal=["name", "date_of_birth"],
    not_personal=["id", "case", "relationship", "is_adult"],
)
declare_personal_data(
    Stage1Check,
    personal=["detail", "notes"],
    not_personal=[
        "id",
        "case",
        "member",
        "check_type",
        "requested_on",
        "completed_on",
        "outcome",
        "assigned_to",
    ],
)
declare_personal_data(ClockAlert, personal=["summary"], not_personal=["id", "case", "sent_on"])
declare_personal_data(
    EventBooking,
    personal=["name", "email", "phone"],
    not_personal=[*_BOOKING, "session", "reminder_sent_at", "link_token"],
)
declare_personal_data(PreparationBooking, personal=[], not_personal=[*_BOOKING, "session", "case"])
declare_personal_data(
    InformationEvent,
    personal=[],
    not_personal=[*_SESSION, "format", "summary", "area", "joining_link"],
)
declare_personal_data(PreparationSession, personal=[], not_personal=[*_SESSION, "notes"])
declare_personal_data(BankHoliday, personal=[], not_personal=["id", "date", "name"])
declare_personal_data(
    FosteringRules,
    personal=[],
    not_personal=[
        "id",
        "enquiry_reply_working_days",
        "first_visit_working_days",
        "panel_recommendation_months",
        "panel_papers_working_days",
        "agency_decision_working_days",
        "at_risk_working_days",
        "panel_at_risk_days",
        "review_request_days",
        "team_inbox",
        "retention_days_after_closure",
        "address_history_years",
        "personal_referees_required",
        "reference_link_weeks",
        "reference_reminder_days",
        "stage_two_decision_working_days",
    ],
)
# The online application: the answers are the applicants' (and, for referees and former
# partners, third parties') personal data, kept with the case and removed with it.
declare_personal_data(
    FosteringApplication,
    personal=[],
    not_personal=["id", "case", "invited_at", "invited_by", "submitted_at", "submitted_by"],
)
declare_personal_data(
    Applicant,
    personal=["user", "name", "email", "consents"],
    not_personal=[
        "id",
        "application",
        "role",
        "invitation_token",
        "invited_at",
        "accepted_at",
        "declared_at",
    ],
)
declare_personal_data(
    ApplicationSection,
    personal=["data"],
    not_personal=["id", "application", "applicant", "key", "completed_at", "updated_at"],
)


def _cases(user):
    return FosteringCase.objects.filter(user=user) | FosteringCase.objects.filter(
        email__iexact=user.email
    )


@personal_data_exporter("fostering")
def export_fostering(user):
    cases = []
    for case in (
        _cases(user).distinct().prefetch_related("moves", "members", "training_bookings__session")
    ):
        cases.append(
            {
                "reference": case.reference,
                "enquired_at": case.enquired_at.isoformat(),
                # Every field declared personal above, so a new one is never left out.
                **personal_values(case),
                "spare_bedroom": case.get_spare_bedroom_display(),
                "fostering_types": case.fostering_type_labels(),
                "heard_through": case.get_source_display(),
                "consent_to_contact": case.consent_to_contact,
                "stage": case.get_stage_display(),
                "stage_history": [
                    {
                        "from": m.get_from_stage_display(),
                        "to": m.get_to_stage_display(),
                        "at": m.at.isoformat(),
                    }
                    for m in case.moves.all()
                ],
                "household_members": [
                    {**personal_values(m), "relationship": m.get_relationship_display()}
                    for m in case.members.all()
                ],
                "training": [
                    {"session": str(b.session), "status": b.get_status_display()}
                    for b in case.training_bookings.all()
                ],
            }
        )
    events = [
        {
            "event": str(b.session),
            **personal_values(b),
            "status": b.get_status_display(),
            "booked_at": b.created_at.isoformat(),
        }
        for b in EventBooking.objects.filter(email__iexact=user.email).select_related("session")
    ]
    from .application_services import export_for

    return {
        "cases": cases,
        "information_event_bookings": events,
        "applications_to_foster": export_for(user),
    }


@personal_data_eraser
def erase_fostering(user):
    """Cases still at enquiry, withdrawn or not progressed are anonymised; a case under
    assessment or decided (approved, or refused after any review) is part of the agency's
    statutory record, so it is kept but unlinked from the account. Information event
    bookings are cancelled and anonymised."""
    from .application_services import erase_application
    from .services import anonymise_case

    for case in _cases(user).distinct():
        if case.stage == Stage.ENQUIRY or case.stage in CLOSED - {Stage.APPROVED, Stage.REFUSED}:
            erase_application(case)
            anonymise_case(case)
        else:
            FosteringCase.objects.filter(pk=case.pk).update(user=None)
    bookings = EventBooking.objects.filter(email__iexact=user.email)
    for booking in bookings.filter(status__in=CANCELLABLE):
        cancel_booking(booking)
    bookings.update(
        **anonymised_values(EventBooking, name="Anonymised", email="anonymised@invalid.example")
    )
