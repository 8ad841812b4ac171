"""Signals other apps listen to.

`candidate_hired(sender=Application, application=..., staff_profile=...,
new_staff_record=bool)` fires once a hire is committed, so the academy can enrol the new
starter in induction (and the newly qualified programme) without importing this app's
internals. `new_staff_record` is True when the hire created the staff record: the academy
already enrols every new staff record when it is saved, so it enrols from this signal only
a hire that reused an existing record.
"""

from django.dispatch import Signal

candidate_hired = Signal()
