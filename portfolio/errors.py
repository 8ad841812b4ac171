"""Refusals of the portfolio's rules, each with a message for the person who tried."""

from core.errors import DomainError


class PortfolioError(DomainError):
    """A portfolio rule refused the action; nothing was changed."""


class AgreementNeeded(PortfolioError):
    def __init__(self):
        super().__init__(
            "The support and assessment agreement must be agreed by the newly qualified "
            "social worker, the assessor and the line manager before anything is assessed."
        )


class RecordLocked(PortfolioError):
    def __init__(self, what="This record"):
        super().__init__(
            f"{what} is signed and locked. Add a dated addendum to correct or add to it."
        )


class EvidenceMissing(PortfolioError):
    """The recommendation was refused; `missing` lists what is still needed."""

    def __init__(self, missing: list[str]):
        super().__init__(
            "You cannot make the final recommendation yet: some required evidence is missing."
        )
        self.missing = missing
