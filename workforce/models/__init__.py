from .employment import EmploymentSpell, LeavingReason

__all__ = ["EmploymentSpell", "LeavingReason"]
