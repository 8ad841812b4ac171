"""The one base class for refusals of a business rule.

A service raises a `DomainError` (or a subclass named for its domain) when a person asks
for something the rules forbid: the view shows `message` to that person and nothing has
changed. Anything else that goes wrong is a bug and is left to surface as one.
"""


class DomainError(Exception):
    """A business rule refused an action; `message` is written for the person who tried."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
