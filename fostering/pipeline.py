"""The fostering pipeline: its stages and the ONE table of moves the team may make.

A case moves forward one step at a time. Any open case may instead be withdrawn (the
applicants' choice) or not progressed (the agency's), always with a reason. A panel that is
postponed sends the case back to assessment. Nothing else is allowed.
"""

from django.db import models


class Stage(models.TextChoices):
    ENQUIRY = "enquiry", "Enquiry"
    INITIAL_CALL = "initial_call", "Initial call"
    INITIAL_VISIT = "initial_visit", "Initial home visit"
    APPLICATION = "application", "Application received"
    STAGE_ONE = "stage_one", "Stage 1 checks"
    TRAINING = "training", "Preparation training (Skills to Foster)"
    STAGE_TWO = "stage_two", "Stage 2 assessment (Form F)"
    PANEL_BOOKED = "panel_booked", "Panel booked"
    PANEL_RECOMMENDATION = "panel_recommendation", "Panel recommendation"
    AGENCY_DECISION = "agency_decision", "Agency decision"
    APPROVED = "approved", "Approved"
    WITHDRAWN = "withdrawn", "Withdrawn"
    NOT_PROGRESSED = "not_progressed", "Not progressed"


# The journey in order (what the progress view and the reports walk through).
JOURNEY = [
    Stage.ENQUIRY,
    Stage.INITIAL_CALL,
    Stage.INITIAL_VISIT,
    Stage.APPLICATION,
    Stage.STAGE_ONE,
    Stage.TRAINING,
    Stage.STAGE_TWO,
    Stage.PANEL_BOOKED,
    Stage.PANEL_RECOMMENDATION,
    Stage.AGENCY_DECISION,
    Stage.APPROVED,
]

CLOSED = frozenset({Stage.APPROVED, Stage.WITHDRAWN, Stage.NOT_PROGRESSED})
# Moves that end a case early and must say why.
NEEDS_REASON = frozenset({Stage.WITHDRAWN, Stage.NOT_PROGRESSED})
_EXITS = {Stage.WITHDRAWN, Stage.NOT_PROGRESSED}

ALLOWED_MOVES: dict[str, frozenset[str]] = {
    Stage.ENQUIRY: frozenset({Stage.INITIAL_CALL, *_EXITS}),
    Stage.INITIAL_CALL: frozenset({Stage.INITIAL_VISIT, *_EXITS}),
    Stage.INITIAL_VISIT: frozenset({Stage.APPLICATION, *_EXITS}),
    Stage.APPLICATION: frozenset({Stage.STAGE_ONE, *_EXITS}),
    Stage.STAGE_ONE: frozenset({Stage.TRAINING, *_EXITS}),
    Stage.TRAINING: frozenset({Stage.STAGE_TWO, *_EXITS}),
    Stage.STAGE_TWO: frozenset({Stage.PANEL_BOOKED, *_EXITS}),
    # A postponed panel sends the case back to assessment.
    Stage.PANEL_BOOKED: frozenset({Stage.PANEL_RECOMMENDATION, Stage.STAGE_TWO, *_EXITS}),
    Stage.PANEL_RECOMMENDATION: frozenset({Stage.AGENCY_DECISION, *_EXITS}),
    # The decision maker approves, or does not (the applicants may then ask the
    # Independent Review Mechanism to look again).
    Stage.AGENCY_DECISION: frozenset({Stage.APPROVED, *_EXITS}),
    Stage.APPROVED: frozenset(),
    Stage.WITHDRAWN: frozenset(),
    Stage.NOT_PROGRESSED: frozenset(),
}


def can_move(from_stage: str, to_stage: str) -> bool:
    return to_stage in ALLOWED_MOVES.get(from_stage, frozenset())


def next_stage(stage: str) -> str | None:
    """The forward step from this stage, if there is one."""
    if stage in CLOSED:
        return None
    return JOURNEY[JOURNEY.index(stage) + 1]


# What the enquirer reads about where they are and what happens next.
WHAT_NEXT = {
    Stage.ENQUIRY: "We have your enquiry. Someone from the fostering team will call you "
    "within one working day, at the time you said suits you.",
    Stage.INITIAL_CALL: "Thank you for talking with us. Next, a social worker will visit you "
    "at home to get to know you and answer your questions.",
    Stage.INITIAL_VISIT: "After the home visit, if you would like to go ahead, we will send "
    "you the application form.",
    Stage.APPLICATION: "We have your application. We will now start the Stage 1 checks.",
    Stage.STAGE_ONE: "We are carrying out the Stage 1 checks: DBS, medical, local authority "
    "checks and references. We will book you on Skills to Foster preparation training.",
    Stage.TRAINING: "You are taking part in Skills to Foster preparation training. The dates "
    "booked for you are listed below.",
    Stage.STAGE_TWO: "Your assessing social worker is meeting you to write your assessment "
    "(the Form F) together with you.",
    Stage.PANEL_BOOKED: "Your fostering panel date is booked. You will see your assessment "
    "before it goes to the panel members.",
    Stage.PANEL_RECOMMENDATION: "The panel has made its recommendation. The agency decision "
    "maker will now decide.",
    Stage.AGENCY_DECISION: "The agency decision maker has made a decision; your social "
    "worker will talk it through with you.",
    Stage.APPROVED: "You are approved as foster carers. Welcome to the Southampton fostering "
    "family: your supervising social worker will be in touch about your first placement.",
    Stage.WITHDRAWN: "Your application has been closed at your request. You are welcome to "
    "get in touch again at any time.",
    Stage.NOT_PROGRESSED: "Your application has not gone further. Your social worker will "
    "have explained why; you can ask us about this at any time.",
}
