"""The fostering pipeline: its stages and the ONE table of moves the team may make.

A case moves forward one step at a time. Any open case may instead be withdrawn (the
applicants' choice) or not progressed (the agency's), always with a reason. A panel that is
postponed sends the case back to assessment. An agency decision not to approve (with a
reason) is not final: the applicants may ask the Independent Review Mechanism (IRM) to look
again, or write to the agency, before the decision maker makes a final decision. Nothing
else is allowed.

Beside the table, `GATES` says what must be true of a case before each move (an assigned
worker, the household recorded, every Stage 1 check complete, training attended, a panel
date with the papers sent, the panel's recommendation, the decision). `services.move_case`
is the one function that moves a case: it refuses a move the table forbids or whose gate is
not met (saying what is missing), unless an administrator overrides the gate with a written
reason, which the case history keeps.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

from core.booking import BookingStatus


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


# --- What must be true before each move -----------------------------------------------


class Recommendation(models.TextChoices):
    """The panel's recommendation, and the agency decision maker's decision."""

    APPROVE = "approve", "Approve"
    NOT_APPROVE = "not_approve", "Do not approve"


@dataclass(frozen=True)
class Gate:
    """One precondition of a move.

    `requirement` is what the team reads in the list of what a step needs; `missing(case,
    today)` returns None when the case meets it, or a sentence saying what is missing.
    """

    key: str
    requirement: str
    missing: Callable[..., str | None]


def _worker(case, today):
    return None if case.assessing_worker_id else "Assign an assessing social worker."


def _household(case, today):
    return None if case.members.exists() else "Add the household members (at least one)."


def _open_checks(case):
    """The Stage 1 checks not yet complete: no outcome, or no completion date."""
    return [
        check
        for check in case.checks.select_related("member")
        if check.outcome == "pending"
        or (check.outcome != "not_applicable" and not check.completed_on)
    ]


def _checks_complete(case, today):
    if not case.checks.exists():
        return "Record the Stage 1 checks (add the household members first)."
    adults_without = case.members.filter(is_adult=True, checks__isnull=True)
    if adults_without.exists():
        names = ", ".join(m.name for m in adults_without)
        return f"Add the Stage 1 checks for {names}."
    still_open = _open_checks(case)
    if not still_open:
        return None
    by_person = {}
    for check in still_open:
        who = check.member.name if check.member else "the home"
        by_person.setdefault(who, []).append(check.get_check_type_display())
    listed = "; ".join(f"{who} ({', '.join(types)})" for who, types in by_person.items())
    return f"{len(still_open)} Stage 1 check(s) not yet complete: {listed}."


def _training_booked(case, today):
    held = {BookingStatus.CONFIRMED, BookingStatus.ATTENDED}
    if case.training_bookings.filter(status__in=held).exists():
        return None
    return "Book the household on a Skills to Foster session."


def _training_attended(case, today):
    bookings = case.training_bookings
    if not bookings.filter(status=BookingStatus.ATTENDED).exists():
        if bookings.filter(status=BookingStatus.CONFIRMED).exists():
            return "Skills to Foster is booked but not yet attended: record the attendance."
        return "Book Skills to Foster and record the household's attendance."
    waiting = bookings.filter(status=BookingStatus.CONFIRMED).count()
    if waiting:
        return f"Record attendance at the {waiting} Skills to Foster session(s) still booked."
    return None


def _assessment(case, today):
    return (
        None
        if case.assessment_completed_on
        else "Record the date the assessment (Form F) was completed."
    )


def _panel_date(case, today):
    return None if case.panel_date else "Set the panel date."


def _panel_held(case, today):
    if not case.panel_date:
        return "Set the panel date."
    if case.panel_date > today:
        return f"The panel sits on {case.panel_date:%-d %B %Y}: wait until it has met."
    return None


def _papers_sent(case, today):
    return None if case.panel_papers_sent_on else "Record the date the panel papers were sent."


def _recommendation(case, today):
    return None if case.panel_recommendation else "Record the panel's recommendation."


def _minutes(case, today):
    return None if case.panel_minutes_received_on else "Record the date the panel minutes arrived."


def _decided(case, today):
    return None if case.agency_decision else "Record the agency decision maker's decision."


def _decided_to(outcome):
    def missing(case, today):
        if case.agency_decision == outcome:
            return None
        return f"Record the decision maker's decision as “{Recommendation(outcome).label}”."

    return missing


def _application_sent(case, today):
    application = getattr(case, "application", None)  # None when never invited
    if application is None or application.submitted_at:
        return None
    return "The household has not sent its online application yet."


WORKER = Gate("worker", "An assessing social worker is assigned", _worker)
HOUSEHOLD = Gate("household", "The household is recorded (at least one member)", _household)
CHECKS = Gate("checks", "Every adult's Stage 1 checks are complete", _checks_complete)
TRAINING_BOOKED = Gate("training_booked", "Skills to Foster is booked", _training_booked)
TRAINING = Gate("training", "Skills to Foster is attended (not just booked)", _training_attended)
ASSESSMENT = Gate("assessment", "The assessment (Form F) is complete", _assessment)
PANEL_DATE = Gate("panel_date", "A panel date is set", _panel_date)
PANEL_HELD = Gate("panel_held", "The panel has met", _panel_held)
PAPERS = Gate("papers", "The panel papers were sent", _papers_sent)
RECOMMENDATION = Gate("recommendation", "The panel's recommendation is recorded", _recommendation)
MINUTES = Gate("minutes", "The panel minutes have arrived", _minutes)
APPLICATION_SENT = Gate(
    "application_sent",
    "The online application, if the household was invited, is sent",
    _application_sent,
)
DECIDED = Gate("decided", "The decision maker's decision is recorded", _decided)
DECIDED_YES = Gate(
    "decided_yes", "The decision maker decided to approve", _decided_to(Recommendation.APPROVE)
)
DECIDED_NO = Gate(
    "decided_no",
    "The decision maker decided not to approve",
    _decided_to(Recommendation.NOT_APPROVE),
)

# What each move needs, by the stage it moves to. Ending a case early (withdrawn, not
# progressed) and the review route's own steps need only what the table asks (a reason).
GATES: dict[str, tuple[Gate, ...]] = {
    Stage.INITIAL_VISIT: (WORKER,),
    Stage.APPLICATION: (WORKER, APPLICATION_SENT),
    Stage.STAGE_ONE: (WORKER, HOUSEHOLD),
    Stage.TRAINING: (WORKER, HOUSEHOLD, TRAINING_BOOKED),
    Stage.STAGE_TWO: (WORKER, HOUSEHOLD, CHECKS),
    Stage.PANEL_BOOKED: (WORKER, CHECKS, TRAINING, ASSESSMENT, PANEL_DATE),
    Stage.PANEL_RECOMMENDATION: (PANEL_HELD, PAPERS, RECOMMENDATION),
    Stage.AGENCY_DECISION: (RECOMMENDATION, MINUTES, DECIDED),
    Stage.NOT_APPROVED: (RECOMMENDATION, DECIDED_NO),
    # Approval, whichever way the case reaches it, checks the whole assessment again.
    Stage.APPROVED: (CHECKS, TRAINING, ASSESSMENT, RECOMMENDATION, DECIDED_YES),
}


def missing_for(case, to_stage: str, today: datetime.date) -> list[str]:
    """What is still missing before `case` may move to `to_stage` (empty: nothing)."""
    found = (gate.missing(case, today) for gate in GATES.get(to_stage, ()))
    return [message for message in found if message]


def next_steps(case, today: datetime.date) -> list[dict]:
    """Each move the table allows from here (the exits last), with what it still needs."""
    allowed = ALLOWED_MOVES.get(case.stage, frozenset())
    ordered = [s for s in Stage if s in allowed and s not in _EXITS] + [
        s for s in Stage if s in allowed and s in _EXITS
    ]
    steps = []
    for stage in ordered:
        gates = GATES.get(stage, ())
        results = [(gate, gate.missing(case, today)) for gate in gates]
        steps.append(
            {
                "stage": stage,
                "label": stage.label,
                "requirements": [
                    {"text": gate.requirement, "missing": message} for gate, message in results
                ],
                "missing": [message for _, message in results if message],
                "needs_reason": stage in NEEDS_REASON,
                "is_exit": stage in _EXITS,
            }
        )
    return steps
