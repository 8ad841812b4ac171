"""What the vacancies app holds about a person: export and erasure (core.privacy)."""

from core.privacy import personal_data_eraser, personal_data_exporter
from vacancies.models import Application, JobAlert, SavedVacancy
from vacancies.services.retention import PERSONAL_FIELDS


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
        entry.update({name: getattr(application, name) for name in PERSONAL_FIELDS})
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
