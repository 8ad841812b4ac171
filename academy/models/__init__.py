from .certificates import Certificate
from .checks import CheckAttempt
from .cpd import CpdEntry, CpdType, registration_year
from .pages import (
    AcademyIndexPage,
    CourseFormat,
    CoursePage,
    CourseTag,
    ELearningModulePage,
    MandatoryRule,
)
from .programmes import Enrolment, Programme, ProgrammeStep
from .reference import AcademySettings, CourseCategory, KssArea, PcfDomain, PracticeStrand
from .sessions import (
    Booking,
    BookingNotice,
    CalendarFeed,
    Completion,
    ModuleProgress,
    ReportExport,
    TrainingNotice,
    TrainingSession,
)
from .snapshots import ComplianceSnapshot

__all__ = [
    "AcademyIndexPage",
    "AcademySettings",
    "Booking",
    "BookingNotice",
    "CalendarFeed",
    "Certificate",
    "CheckAttempt",
    "ComplianceSnapshot",
    "Completion",
    "CourseCategory",
    "CourseFormat",
    "CoursePage",
    "CourseTag",
    "CpdEntry",
    "CpdType",
    "ELearningModulePage",
    "Enrolment",
    "KssArea",
    "MandatoryRule",
    "ModuleProgress",
    "PcfDomain",
    "PracticeStrand",
    "Programme",
    "ReportExport",
    "ProgrammeStep",
    "TrainingNotice",
    "TrainingSession",
    "registration_year",
]
