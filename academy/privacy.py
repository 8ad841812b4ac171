"""What the academy holds about a person: which fields are personal (declared once), and
their export for subject access requests and erasure."""

from core.privacy import (
    declare_personal_data,
    personal_data_eraser,
    personal_data_exporter,
    personal_values,
)

from .models import (
    AcademyIndexPage,
    AcademySettings,
    Booking,
    BookingNotice,
    CalendarFeed,
    Certificate,
    CheckAttempt,
    Completion,
    ComplianceSnapshot,
    CourseCategory,
    CoursePage,
    CourseTag,
    CpdEntry,
    ELearningModulePage,
    Enrolment,
    KssArea,
    MandatoryRule,
    ModuleProgress,
    PcfDomain,
    PracticeStrand,
    Programme,
    ProgrammeStep,
    ReportExport,
    TrainingNotice,
    TrainingSession,
)

# The person's own records. Staff acting in their role (a trainer, whoever decided a
# booking or asked for a report) are named as part of the record, not as its subject.
declare_personal_data(
    CpdEntry,
    personal=["user", "title", "description", "learning", "impact", "peer_reflection"],
    not_personal=[
        "id",
        "cpd_type",
        "activity_date",
        "status",
        "completion",
        "created_at",
        "updated_at",
    ],
)
declare_personal_data(
    Booking,
    personal=["user", "decision_note"],
    not_personal=[
        "id",
        "status",
        "created_at",
        "updated_at",
        "offer_expires_at",
        "cancelled_at",
        "session",
        "decided_by",
        "decided_at",
        "last_move",
        "moved_by",
        "moved_at",
    ],
)
declare_personal_data(
    Completion,
    personal=["user"],
    not_personal=["id", "course", "completed_on", "source", "booking", "created_at"],
)
declare_personal_data(
    ModuleProgress, personal=["user"], not_personal=["id", "module", "completed_at", "completion"]
)
declare_personal_data(
    TrainingNotice, personal=["user"], not_personal=["id", "course", "kind", "key", "sent_at"]
)
declare_personal_data(CalendarFeed, personal=["user"], not_personal=["id", "version", "reset_at"])
declare_personal_data(
    Enrolment,
    personal=["user"],
    not_personal=["id", "programme", "starts_on", "created_at", "completed_on"],
)
declare_personal_data(
    BookingNotice, personal=[], not_personal=["id", "booking", "kind", "key", "sent_at"]
)
declare_personal_data(
    ReportExport,
    personal=[],
    not_personal=[
        "id",
        "requested_by",
        "report",
        "params",
        "file",
        "rows",
        "requested_at",
        "finished_at",
    ],
)
declare_personal_data(
    TrainingSession,
    personal=[],
    not_personal=[
        "id",
        "starts_at",
        "ends_at",
        "capacity",
        "booking_opens_at",
        "booking_closes_at",
        "is_cancelled",
        "course",
        "venue",
        "online_link",
        "trainer",
        "needs_approval",
        "notes",
    ],
)
# The catalogue and its settings name nobody.
declare_personal_data(
    AcademyIndexPage, personal=[], not_personal=["page_ptr", "social_image", "intro"]
)
declare_personal_data(
    CoursePage,
    personal=[],
    not_personal=[
        "page_ptr",
        "social_image",
        "summary",
        "body",
        "learning_outcomes",
        "format",
        "duration",
        "cpd_hours",
        "audience_employment_types",
        "renewal_months",
        "practice_strand",
    ],
)
declare_personal_data(
    ELearningModulePage,
    personal=[],
    not_personal=[
        "page_ptr",
        "social_image",
        "introduction",
        "body",
        "reflection_prompt",
        "check_questions",
        "pass_mark",
        "questions_per_attempt",
        "retake_wait_hours",
    ],
)
declare_personal_data(CourseTag, personal=[], not_personal=["id", "tag", "content_object"])
declare_personal_data(
    MandatoryRule,
    personal=[],
    not_personal=[
        "id",
        "sort_order",
        "course",
        "job_role",
        "employment_type",
        "newly_qualified_only",
        "due_within_days",
    ],
)
declare_personal_data(
    Programme,
    personal=[],
    not_personal=["id", "name", "slug", "summary", "duration_months", "auto_enrol", "is_active"],
)
declare_personal_data(
    ProgrammeStep,
    personal=[],
    not_personal=[
        "id",
        "sort_order",
        "programme",
        "kind",
        "title",
        "description",
        "course",
        "due_week",
        "repeat_every_weeks",
    ],
)
for _model in (CourseCategory, PcfDomain, KssArea):
    declare_personal_data(_model, personal=[], not_personal=["id", "name", "slug", "sort_order"])
declare_personal_data(
    PracticeStrand, personal=[], not_personal=["id", "name", "slug", "sort_order", "summary"]
)
declare_personal_data(
    AcademySettings,
    personal=[],
    not_personal=[
        "id",
        "cancellation_cutoff_hours",
        "offer_window_hours",
        "renewal_window_days",
        "reminder_days",
        "expiry_reminder_days",
        "cpd_year_start_month",
        "cpd_year_start_day",
        "cpd_renewal_opens_month",
        "cpd_renewal_opens_day",
        "cpd_minimum_entries",
        "cpd_minimum_peer_reflected",
    ],
)


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
                **{k: v for k, v in personal_values(e).items() if k != "user"},
                "type": e.get_cpd_type_display(),
                "date": e.activity_date.isoformat(),
            }
            for e in CpdEntry.objects.filter(user=user)
        ],
    }


@personal_data_eraser
def erase_training(user):
    # Bookings, completions and CPD cascade with the account; CPD is the person's own.
    CpdEntry.objects.filter(user=user).delete()


# Certificates and knowledge-check attempts are the learner's own record (a reflection is
# personal); the monthly compliance snapshot holds counts only, never a person.
declare_personal_data(
    Certificate,
    personal=["user", "holder_name"],
    not_personal=[
        "id",
        "completion",
        "course",
        "course_title",
        "completed_on",
        "cpd_hours",
        "expires_on",
        "code",
        "issued_at",
    ],
)
declare_personal_data(
    CheckAttempt,
    personal=["user", "answers", "reflection"],
    not_personal=[
        "id",
        "module",
        "started_at",
        "submitted_at",
        "questions",
        "pass_mark",
        "score",
        "passed",
    ],
)
declare_personal_data(
    ComplianceSnapshot,
    personal=[],
    not_personal=[
        "id",
        "month",
        "team",
        "locality",
        "employment_type",
        "people",
        "required",
        "in_date",
        "overdue",
        "taken_at",
    ],
)
