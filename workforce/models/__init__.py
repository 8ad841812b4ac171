from .agency import (
    Agency,
    AgencyAssignment,
    ComplianceCheck,
    ComplianceRule,
    DfeJobType,
    PriceCap,
    ProjectTeam,
)
from .employment import EmploymentSpell, LeavingReason
from .registration import RegistrationCheck, RegistrationRenewal
from .settings import WorkforceSettings

__all__ = [
    "Agency",
    "AgencyAssignment",
    "ComplianceCheck",
    "ComplianceRule",
    "DfeJobType",
    "EmploymentSpell",
    "LeavingReason",
    "PriceCap",
    "ProjectTeam",
    "RegistrationCheck",
    "RegistrationRenewal",
    "WorkforceSettings",
]
