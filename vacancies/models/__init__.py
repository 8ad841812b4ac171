from .alerts import JobAlert, JobAlertDelivery, SavedVacancy
from .applications import (
    Application,
    ApplicationStatus,
    ApplicationStatusChange,
    EqualityMonitoring,
    InterviewSlot,
    PreEmploymentCheck,
    ShortlistingRecord,
)
from .pages import VacancyIndexPage, VacancyPage

__all__ = [
    "Application",
    "ApplicationStatus",
    "ApplicationStatusChange",
    "EqualityMonitoring",
    "InterviewSlot",
    "JobAlert",
    "JobAlertDelivery",
    "PreEmploymentCheck",
    "SavedVacancy",
    "ShortlistingRecord",
    "VacancyIndexPage",
    "VacancyPage",
]
