"""What the academy holds about a person, for subject access requests and erasure."""

from core.privacy import personal_data_eraser, personal_data_exporter

from .models import Booking, Completion, CpdEntry, Enrolment


@personal_data_exporter("training")
def export_training(user):
    return {
        "bookings": [
            {
                "course": b.session.course.title,
                "session_starts": b.session.starts_at.isoformat(),
                "status": b.get_status_display(),
                "booked_at": b.created_at.isoformat(),
            }
            for b in Booking.objects.filter(user=user).select_related("session__course")
        ],
        "completions": [
            {"course": c.course.title, "completed_on": c.completed_on.isoformat()}
            for c in Completion.objects.filter(user=user).select_related("course")
        ],
        "programmes": [
            {"programme": e.programme.name, "starts_on": e.starts_on.isoformat()}
            for e in Enrolment.objects.filter(user=user).select_related("programme")
        ],
        "cpd": [
            {
                "title": e.title,
                "type": e.get_cpd_type_display(),
                "date": e.activity_date.isoformat(),
                "description": e.description,
                "learning": e.learning,
                "impact": e.impact,
                "peer_reflection": e.peer_reflection,
            }
            for e in CpdEntry.objects.filter(user=user)
        ],
    }


@personal_data_eraser
def erase_training(user):
    # Bookings, completions and CPD cascade with the account; CPD is the person's own.
    CpdEntry.objects.filter(user=user).delete()
