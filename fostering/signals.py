"""What the fostering services announce once a change is committed.

Services send these after the transaction commits; `signal_handlers.py` connects each to
what follows (the e-mail tasks). So the services never import the tasks, and the tasks may
use the services: one direction, no import cycle.
"""

from django.dispatch import Signal

# case, merged: an enquiry was recorded (or merged into the enquirer's open case).
enquiry_received = Signal()
# booking: a place at an information event was taken.
event_place_booked = Signal()
# case, move: a case moved along the pipeline (see services.move_case).
case_moved = Signal()
# application: the household was invited to apply online.
application_invited = Signal()
# applicant, by: a joint applicant was invited to join the application.
joint_applicant_invited = Signal()
# application, requests: the application was sent (requests: the referees' links).
application_submitted = Signal()
