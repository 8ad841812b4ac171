"""What the vacancies app holds about a person: which fields are personal (declared once,
read by retention, erasure, the data download, the application forms and the anonymised
shortlist), and the export and erasure of a person's data (core.privacy)."""

from core.privacy import (
    declare_personal_data,
    personal_data_eraser,
    personal_data_exporter,
    personal_values,
)
from vacancies.models import (
    Application,
    ApplicationStatusChange,
    EqualityMonitoring,
    InterviewSlot,
    JobAlert,
    JobAlertDelivery,
    PreEmploymentCheck,
    SavedVacancy,
    ShortlistingRecord,
    VacancyIndexPage,
    VacancyPage,
)

_REFEREES = [
    f"referee_{n}_{part}"
    for n in (1, 2)
    for part in ("name", "email", "organisation", "relationship")
]

declare_personal_data(
    Application,
    personal=[
        "candidate",
        "first_name",
        "last_name",
        "email",
        "phone",
        "address",
        "postcode",
        "right_to_work_details",
        "swe_registration_number",
        "qualifications",
        "employment_history",
        "employment_gaps",
        *_REFEREES,
        "supporting_statement",
        "cv",
        "cv_original_name",
        "has_criminal_record_to_declare",
        "criminal_record_details",
        "conflicts_of_interest",
        "interview_adjustments",
    ],
    # Facts about the person, never answers written for one particular job.
    reusable=[
        "first_name",
        "last_name",
        "phone",
        "address",
        "postcode",
        "right_to_work",
        "right_to_work_details",
        "swe_registration_number",
        "qualifications",
        "employment_history",
        "employment_gaps",
        *_REFEREES,
        "reference_consent",
    ],
    # What names the candidate to a shortlister (the CV and its file name included).
    identifying=[
        "candidate",
        "first_name",
        "last_name",
        "email",
        "phone",
        "address",
        "postcode",
        "swe_registration_number",
        *_REFEREES,
        "cv",
        "cv_original_name",
    ],
    not_personal=[
        "id",
        "vacancy",
        "status",
        "submission_token",
        "steps_done",
        # The candidate's choices from fixed lists: kept, anonymously, for statistics.
        "right_to_work",
        "reference_consent",
        "declaration_confirmed",
        "withdrawal_reason",
        "submitted_at",
        "status_changed_at",
        "anonymised_at",
        "created_at",
        "updated_at",
    ],
)
# Equality answers are cut loose from the person on submission and reported in aggregate.
declare_personal_data(
    EqualityMonitoring,
    personal=["draft_application"],
    not_personal=["id", "vacancy", "age_band", "sex", "ethnicity", "disability", "submitted_on"],
)
# `by` and `updated_by` name the member of staff who acted (the audit trail); a candidate's
# own link goes when their account is deleted.
declare_personal_data(
    ApplicationStatusChange,
    personal=["note"],
    not_personal=[
        "id",
        "application",
        "from_status",
        "to_status",
        "by",
        "at",
        "candidate_notified_at",
    ],
)
declare_personal_data(
    PreEmploymentCheck,
    personal=["note"],
    not_personal=["id", "application", "kind", "status", "required", "checked_on", "updated_by"],
)
declare_personal_data(
    InterviewSlot,
    personal=["application"],
    not_personal=["id", "vacancy", "starts_at", "ends_at", "location"],
)
declare_personal_data(
    ShortlistingRecord,
    personal=["completed_by"],
    not_personal=["id", "vacancy", "completed_at"],
)
declare_personal_data(
    JobAlert,
    personal=["email", "user"],
    not_personal=[
        "id",
        "query",
        "description",
        "frequency",
        "created_at",
        "confirmed_at",
        "last_sent_at",
    ],
)
declare_personal_data(
    JobAlertDelivery, personal=[], not_personal=["id", "alert", "vacancy", "sent_at"]
)
declare_personal_data(
    SavedVacancy,
    personal=["user"],
    not_personal=["id", "vacancy", "created_at", "reminded_at"],
)
declare_personal_data(
    VacancyIndexPage,
    personal=[],
    not_personal=["page_ptr", "social_image", "intro", "empty_message"],
)
# A vacancy names its contact and hiring manager in their work role: published on purpose.
declare_personal_data(
    VacancyPage,
    personal=[],
    not_personal=[
        "page_ptr",
        "social_image",
        "role_family",
        "job_role",
        "team",
        "locality",
        "employment_type",
        "working_pattern",
        "hours_per_week",
        "salary_min",
        "salary_max",
        "grade",
        "closes_at",
        "interview_date",
        "reference",
        "dbs_level",
        "requires_swe_registration",
        "summary",
        "description",
        "job_profile",
        "contact_name",
        "contact_email",
        "hiring_manager",
        "search_text",
        "search_vector",
    ],
)


@personal_data_exporter("applications")
def export_applications(user):
    result = []
    for application in Application.objects.filter(candidate=user).select_related("vacancy"):
        entry = {
            "vacancy": application.vacancy.title,
            "reference": application.vacancy.reference,
            "status": application.get_status_display(),
            "submitted_at": application.submitted_at,
            "right_to_work": application.get_right_to_work_display(),
            "reference_consent": application.get_reference_consent_display(),
            "has_criminal_record_to_declare": application.has_criminal_record_to_declare,
            "withdrawal_reason": application.get_withdrawal_reason_display(),
            "cv_uploaded": bool(application.cv),
            "history": [
                {"status": c.get_to_status_display(), "at": c.at}
                for c in application.status_changes.all()
            ],
        }
        entry.update(personal_values(application))
        result.append(entry)
    return result


@personal_data_exporter("job_alerts")
def export_alerts(user):
    return [
        {
            "email": a.email,
            "search": a.description,
            "frequency": a.get_frequency_display(),
            "confirmed_at": a.confirmed_at,
        }
        for a in JobAlert.objects.filter(user=user)
    ] + [
        {"email": a.email, "search": a.description, "frequency": a.get_frequency_display()}
        for a in JobAlert.objects.filter(user__isnull=True, email__iexact=user.email)
    ]


@personal_data_exporter("saved_vacancies")
def export_saved(user):
    return [
        {"vacancy": s.vacancy.title, "saved_at": s.created_at}
        for s in SavedVacancy.objects.filter(user=user).select_related("vacancy")
    ]


@personal_data_eraser
def erase_applications(user):
    """Drafts go; submitted applications are anonymised so the vacancy's statistics stay."""
    from django.utils import timezone

    from vacancies.services.retention import anonymise_application

    now = timezone.now()
    for application in Application.objects.filter(candidate=user):
        if application.is_draft:
            if application.cv:
                application.cv.delete(save=False)
            application.delete()
        else:
            anonymise_application(application, now)
    JobAlert.objects.filter(email__iexact=user.email).delete()
    SavedVacancy.objects.filter(user=user).delete()
