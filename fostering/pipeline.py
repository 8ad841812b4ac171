"""The fostering pipeline: its stages and the ONE table of moves the team may make.

A case moves forward one step at a time. Any open case may instead be withdrawn (the
applicants' choice) or not progressed (the agency's), always with a reason. A panel that is
postponed sends the case back to assessment. An agency decision not to approve (with a
reason) is not final: the applicants may ask the Independent Review Mechanism (IRM) to look
again, or write to the agency, before the decision maker makes a final decision. Nothing
else is allowed.
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
    # The review route after a decision not to approve.
    NOT_APPROVED = "not_approved", "Not approved: open to review"
    IRM_REQUESTED = "irm_requested", "Independent review requested"
    IRM_RECOMMENDATION = "irm_recommendation", "Independent review recommendation"
    FINAL_DECISION = "final_decision", "Final agency decision"
    REFUSED = "refused", "Not approved: final decision"
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

# The review route a case takes after a decision not to approve, in order. Reviewing is the
# applicants' choice: they may instead write to the agency, or let the decision stand, and
# the case goes straight to the final decision.
REVIEW = [
    Stage.NOT_APPROVED,
    Stage.IRM_REQUESTED,
    Stage.IRM_RECOMMENDATION,
    Stage.FINAL_DECISION,
]

CLOSED = frozenset({Stage.APPROVED, Stage.REFUSED, Stage.WITHDRAWN, Stage.NOT_PROGRESSED})
# Moves that must say why: ending a case early, and not approving an applicant.
NEEDS_REASON = frozenset({Stage.WITHDRAWN, Stage.NOT_PROGRESSED, Stage.NOT_APPROVED, Stage.REFUSED})
# What the team is asked for when a move needs a reason and has none.
REASON_PROMPTS = {
    Stage.WITHDRAWN: "Give the reason the case is withdrawn: it is kept for the reports.",
    Stage.NOT_PROGRESSED: "Give the reason the case is not progressed: it is kept for the reports.",
    Stage.NOT_APPROVED: "Give the decision maker's reason for not approving: the applicants "
    "are told it, and it is what an independent review would look at.",
    Stage.REFUSED: "Give the reason for the final decision not to approve: it is kept for "
    "the reports.",
}
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
    Stage.AGENCY_DECISION: frozenset({Stage.APPROVED, Stage.NOT_APPROVED, *_EXITS}),
    Stage.NOT_APPROVED: frozenset({Stage.IRM_REQUESTED, Stage.FINAL_DECISION, *_EXITS}),
    Stage.IRM_REQUESTED: frozenset({Stage.IRM_RECOMMENDATION, *_EXITS}),
    Stage.IRM_RECOMMENDATION: frozenset({Stage.FINAL_DECISION, *_EXITS}),
    Stage.FINAL_DECISION: frozenset({Stage.APPROVED, Stage.REFUSED, *_EXITS}),
    Stage.APPROVED: frozenset(),
    Stage.REFUSED: frozenset(),
    Stage.WITHDRAWN: frozenset(),
    Stage.NOT_PROGRESSED: frozenset(),
}


def can_move(from_stage: str, to_stage: str) -> bool:
    return to_stage in ALLOWED_MOVES.get(from_stage, frozenset())


def next_stage(stage: str) -> str | None:
    """The forward step from this stage, if there is one."""
    if stage in CLOSED:
        return None
    if stage in REVIEW:
        return REVIEW[REVIEW.index(stage) + 1] if stage != Stage.FINAL_DECISION else None
    return JOURNEY[JOURNEY.index(stage) + 1]


def path_for(stage: str, reached) -> list[str]:
    """The steps to show for a case at `stage` that has reached the `reached` stages.

    The usual journey; for a case that took the review route, the review steps it took
    (and the final decision) come after the agency decision, and it ends in the final
    refusal rather than approval if that was the outcome.
    """
    reached = {stage, *reached}
    if not reached & {*REVIEW, Stage.REFUSED}:
        return list(JOURNEY)
    review = [s for s in REVIEW if s in reached or s in {Stage.NOT_APPROVED, Stage.FINAL_DECISION}]
    end = Stage.REFUSED if stage == Stage.REFUSED else Stage.APPROVED
    return [*JOURNEY[: JOURNEY.index(Stage.AGENCY_DECISION) + 1], *review, end]


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
    Stage.NOT_APPROVED: "The agency decision maker has decided not to approve you for now, "
    "and we have written to you with the reasons. This is not yet final. Within {review_days} "
    "days of our letter you can ask the Independent Review Mechanism, which is independent "
    "of the council, to look at your assessment again, or you can write to us with your "
    "views. Your social worker can explain both.",
    Stage.IRM_REQUESTED: "You have asked the Independent Review Mechanism to look again. Its "
    "review panel will read your assessment, meet you and then send us its recommendation.",
    Stage.IRM_RECOMMENDATION: "The independent review panel has sent us its recommendation. "
    "Our agency decision maker will take it into account and make a final decision.",
    Stage.FINAL_DECISION: "The agency decision maker has made a final decision; your social "
    "worker will talk it through with you.",
    Stage.REFUSED: "The final decision is that you are not approved as foster carers. We "
    "have written to you with the reasons. You can ask us about this at any time.",
    Stage.WITHDRAWN: "Your application has been closed at your request. You are welcome to "
    "get in touch again at any time.",
    Stage.NOT_PROGRESSED: "Your application has not gone further. Your social worker will "
    "have explained why; you can ask us about this at any time.",
}
