"""The workforce record's business actions (one module per action family)."""

from .employment import employ, end_employment, open_first_spell, start_employment

__all__ = ["employ", "end_employment", "open_first_spell", "start_employment"]
