"""Signals other apps listen to.

`candidate_hired(sender=Application, application=..., staff_profile=...)` fires once a
hire is committed, so the academy can enrol the new starter in induction (and the newly
qualified programme) without importing this app's internals.
"""

from django.dispatch import Signal

candidate_hired = Signal()
