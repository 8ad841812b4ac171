from core.errors import DomainError


class WorkforceError(DomainError):
    """A change to the workforce record was refused; nothing was saved."""
