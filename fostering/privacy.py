"""What the portal holds about a fostering enquirer: exported on request, erased with care."""

from core.booking import CANCELLABLE
from core.booking import cancel as cancel_booking
from core.privacy import personal_data_eraser, personal_data_exporter

from .models import EventBooking, FosteringCase
from .pipeline import CLOSED, Stage


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
                "name": case.full_name,
                "email": case.email,
                "phone": case.phone,
                "preferred_call_time": case.preferred_call_time,
                "postcode": case.postcode,
                "household": case.household,
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
                    {"name": m.name, "relationship": m.get_relationship_display()}
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
            "name": b.name,
            "email": b.email,
            "phone": b.phone,
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
    bookings.update(name="Anonymised", email="anonymised@invalid.example", phone="")
