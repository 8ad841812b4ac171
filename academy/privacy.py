"""What the academy holds about a person, for subject access requests and erasure."""

from core.privacy import personal_data_eraser, personal_data_exporter

from .models import Booking, CalendarFeed, Completion, CpdEntry, Enrolment, ModuleProgress


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
        "e_learning_modules": [
            {
                "module": p.module.title,
                "finished_at": p.completed_at.isoformat(),
                "counted_towards_completion_on": (
                    p.completion.completed_on.isoformat() if p.completion_id else None
                ),
            }
            for p in ModuleProgress.objects.filter(user=user).select_related("module", "completion")
        ],
        "calendar_feed_reset_at": next(
            (
                f.reset_at.isoformat()
                for f in CalendarFeed.objects.filter(user=user, reset_at__isnull=False)
            ),
            None,
        ),
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
