"""The fostering team's actions. Views call these; each says what it promises."""

from django.core import signing
from django.db import transaction
from django.utils import timezone

from core import booking as engine
from core.booking import BookingError, book_place
from core.errors import DomainError
from core.privacy import anonymised_values

from .models import (
    CHECKS_FOR_APPLICANTS,
    CHECKS_FOR_EVERY_ADULT,
    ENQUIRY_FIELDS,
    CaseNote,
    CheckType,
    ClockAlert,
    EventBooking,
    FosteringCase,
    HouseholdMember,
    InformationEvent,
    PreparationBooking,
    PreparationSession,
    Stage1Check,
    StageMove,
)
from .pipeline import CLOSED, NEEDS_REASON, REASON_PROMPTS, Stage, can_move, missing_for
from .signals import case_moved, enquiry_received, event_place_booked

OVERRIDE_GATE = "fostering.override_case_gate"


class PipelineError(DomainError):
    """A case move the table forbids, or one missing what it needs."""

    def __init__(self, message: str, missing=()):
        super().__init__(message)
        self.missing = list(missing)


# --- Enquiries ----------------------------------------------------------------


def submit_enquiry(data: dict, *, now=None) -> tuple[FosteringCase, bool]:
    """Record an enquiry and acknowledge it at once.

    A second enquiry from an e-mail address that already has an open case is merged into
    that case as a note (nothing the person wrote is lost) rather than starting another.
    Returns the case and whether it was merged.
    """
    now = now or timezone.now()
    email = data["email"].strip().lower()
    with transaction.atomic():
        existing = (
            FosteringCase.objects.select_for_update()
            .open()
            .filter(email__iexact=email)
            .order_by("enquired_at")
            .first()
        )
        if existing:
            lines = [
                f"{FosteringCase._meta.get_field(f).verbose_name}: {data.get(f)}"
                for f in ENQUIRY_FIELDS
                if data.get(f) not in (None, "", [])
            ]
            CaseNote.objects.create(
                case=existing,
                at=now,
                text="The enquirer sent the enquiry form again. What they wrote:\n"
                + "\n".join(lines),
            )
            case, merged = existing, True
        else:
            values = {f: data.get(f) for f in ENQUIRY_FIELDS if f in data}
            values["email"] = email
            case = FosteringCase.objects.create(**values, enquired_at=now, stage_changed_at=now)
            merged = False
        link_case_to_account(case)
        transaction.on_commit(
            lambda: enquiry_received.send(sender=FosteringCase, case=case, merged=merged)
        )
    return case, merged


def link_case_to_account(case) -> None:
    """Link a case to the account holding the same, verified, e-mail address."""
    from allauth.account.models import EmailAddress

    if case.user_id:
        return
    address = (
        EmailAddress.objects.filter(email__iexact=case.email, verified=True)
        .select_related("user")
        .first()
    )
    if address:
        case.user = address.user
        case.save(update_fields=["user"])


def link_cases_for_user(user) -> int:
    """Link every unlinked case whose e-mail matches one of the user's verified addresses."""
    from allauth.account.models import EmailAddress

    emails = [
        e.lower()
        for e in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    ]
    if not emails:
        return 0
    return FosteringCase.objects.filter(user__isnull=True, email__in=emails).update(user=user)


# --- The pipeline -----------------------------------------------------------------


def move_case(
    case, to_stage: str, *, by, note: str = "", override_reason: str = "", now=None
) -> StageMove:
    """Move a case along the pipeline: the only code that changes a case's stage.

    Refused (with a message saying what is missing, and nothing changed) when the table of
    allowed moves forbids it, when a move that needs a reason has none, or when the move's
    gate (`pipeline.GATES`) is not met. An administrator may override an unmet gate, never
    the table, by giving a written reason: the move records what was missing and why.
    Records who moved the case, when, from and to which stage, and the note; once
    committed, announces the move (`signals.case_moved`) so what follows is sent.
    """
    now = now or timezone.now()
    note = (note or "").strip()
    override_reason = (override_reason or "").strip()
    original = case
    with transaction.atomic():
        case = FosteringCase.objects.select_for_update().get(pk=case.pk)
        if not can_move(case.stage, to_stage):
            raise PipelineError(
                f"A case at “{Stage(case.stage).label}” cannot move to "
                f"“{Stage(to_stage).label}”. Choose one of the moves offered."
            )
        if to_stage in NEEDS_REASON and not note:
            raise PipelineError(REASON_PROMPTS[to_stage])
        missing = missing_for(case, to_stage, timezone.localtime(now).date())
        if missing and not override_reason:
            raise PipelineError(
                f"The case cannot move to “{Stage(to_stage).label}” yet. Still missing: "
                + " ".join(missing),
                missing,
            )
        if missing and not (by is not None and by.has_perm(OVERRIDE_GATE)):
            raise PipelineError(
                "Only an administrator can override what a move needs. Still missing: "
                + " ".join(missing),
                missing,
            )
        move = StageMove.objects.create(
            case=case,
            from_stage=case.stage,
            to_stage=to_stage,
            by=by,
            at=now,
            note=note,
            overridden=missing,
            override_reason=override_reason if missing else "",
        )
        case.stage = to_stage
        case.stage_changed_at = now
        fields = ["stage", "stage_changed_at"]
        if to_stage == Stage.APPLICATION and not case.application_received_on:
            case.application_received_on = timezone.localtime(now).date()
            fields.append("application_received_on")
        if to_stage in CLOSED:
            case.closed_at = now
            fields.append("closed_at")
            if to_stage in NEEDS_REASON:
                case.closed_reason = note[:255]
                fields.append("closed_reason")
        case.save(update_fields=fields)
        moved = case
        transaction.on_commit(lambda: case_moved.send(sender=FosteringCase, case=moved, move=move))
    # The caller's copy shows the move too.
    for field in fields:
        setattr(original, field, getattr(case, field))
    return move


def add_note(case, text: str, *, author, now=None) -> CaseNote:
    return CaseNote.objects.create(case=case, text=text, author=author, at=now or timezone.now())


def add_household_member(case, *, name, relationship, is_adult=True, date_of_birth=None):
    """Add someone to the household and create the Stage 1 checks they need."""
    with transaction.atomic():
        member = HouseholdMember.objects.create(
            case=case,
            name=name,
            relationship=relationship,
            is_adult=is_adult,
            date_of_birth=date_of_birth,
        )
        create_checks_for(member)
        refresh_stage_one(case)
    return member


def refresh_stage_one(case) -> None:
    """Keep the day the last Stage 1 check was completed (empty while any is open), which
    starts the clock for telling the applicants whether they can go on to Stage 2."""
    checks = list(case.checks.all())
    done = checks and all(
        c.outcome != Stage1Check.Outcome.PENDING
        and (c.completed_on or c.outcome == Stage1Check.Outcome.NOT_APPLICABLE)
        for c in checks
    )
    day = None
    if done:
        dates = [c.completed_on for c in checks if c.completed_on]
        day = max(dates) if dates else timezone.localdate()
    if case.stage_one_completed_on != day:
        case.stage_one_completed_on = day
        FosteringCase.objects.filter(pk=case.pk).update(stage_one_completed_on=day)


def check_updated(check) -> None:
    """After the team records a check: a reference recorded another way closes its online
    link, and the Stage 1 completion date follows."""
    from core import references

    if check.check_type == CheckType.REFERENCE and check.completed_on:
        references.close(check)
    refresh_stage_one(check.case)


def create_checks_for(member) -> list[Stage1Check]:
    """Enhanced DBS and local authority checks for every adult; medical, references,
    employer and former partners for the applicants; one home safety check per household."""
    checks = []
    types = []
    if member.is_adult:
        types += CHECKS_FOR_EVERY_ADULT
    if member.relationship in {HouseholdMember.Relationship.APPLICANT, "partner"}:
        types += CHECKS_FOR_APPLICANTS
    for check_type in types:
        checks.append(
            Stage1Check.objects.create(case=member.case, member=member, check_type=check_type)
        )
    case = member.case
    if not case.checks.filter(check_type=CheckType.HOME_SAFETY).exists():
        checks.append(Stage1Check.objects.create(case=case, check_type=CheckType.HOME_SAFETY))
    return checks


# --- Information events ---------------------------------------------------------

# Links sent before links became opaque were signed values that carried the booker's
# e-mail address. They are recognised only to say clearly that they no longer work.
_RETIRED_LINK_SALT = "fostering.event-booking"


def booking_token(booking) -> str:
    """The token in the booker's link: random and stored, so it reveals nothing."""
    return booking.link_token


def booking_from_token(token: str):
    """The booking a link names, or None for a mistyped, made-up or retired link."""
    if not token or len(token) > EventBooking._meta.get_field("link_token").max_length:
        return None
    if "\x00" in token:  # a byte no stored token holds (and PostgreSQL refuses to compare)
        return None
    return EventBooking.objects.select_related("session").filter(link_token=token).first()


def is_retired_link(token: str) -> bool:
    """Whether the token is a genuine link of the old, signed kind (now refused)."""
    try:
        signing.loads(token, salt=_RETIRED_LINK_SALT)
    except signing.BadSignature:
        return False
    return True


def next_event_with_places(after_event=None, *, now=None):
    """The soonest bookable information event with a free place, other than this one."""
    now = now or timezone.now()
    events = InformationEvent.objects.filter(is_cancelled=False, starts_at__gt=now).order_by(
        "starts_at"
    )
    if after_event is not None:
        events = events.exclude(pk=after_event.pk)
    for event in events:
        if event.booking_problem(now) is None and event.places_left() > 0:
            return event
    return None


def book_information_event(event, *, name, email, phone="", now=None) -> EventBooking:
    """Take a place at an information event (no waiting list) and send the confirmation.

    Raises BookingError for a full, past, closed or cancelled event, or a second booking
    by the same e-mail address.
    """
    booking = book_place(
        InformationEvent,
        event.pk,
        holder={"email": email.strip().lower()},
        defaults={"name": name.strip(), "phone": phone.strip()},
        allow_waitlist=False,
        now=now,
    )
    transaction.on_commit(lambda: event_place_booked.send(sender=EventBooking, booking=booking))
    return booking


def cancel_event_booking(booking, *, by=None, now=None):
    """Cancel a place at an information event: the booker by the link in their e-mail
    (`by` empty), or the fostering team in the admin."""
    engine.cancel(booking, by=by, now=now)


def cancel_information_event(event, *, by=None, now=None) -> list:
    """Cancel an event and every place on it; returns the places this cancelled (none if
    they had been already), for the task that tells each person."""
    return engine.cancel_session(InformationEvent, event.pk, by=by, now=now)


# --- Preparation training -------------------------------------------------------


def book_preparation_place(session, case, *, now=None) -> PreparationBooking:
    """Book a household on a Skills to Foster session (with a waiting list when full)."""
    if case.is_closed:
        raise BookingError("This case is closed, so it cannot be booked on training.")
    return book_place(
        PreparationSession, session.pk, holder={"case": case}, allow_waitlist=True, now=now
    )


# Register choice -> the move of the booking table that records it.
ATTENDANCE_MOVES = {"attended": "attended", "no_show": "no_show"}


def record_attendance(booking, outcome: str, *, by, now=None):
    """Record whether the household came to a Skills to Foster session ("attended" or
    "no_show"), once the session has started, through the booking engine (which locks
    the session and the booking and records who marked it and when)."""
    if outcome not in ATTENDANCE_MOVES:
        raise BookingError("Choose whether the household attended or did not attend.")
    return engine.move(booking, ATTENDANCE_MOVES[outcome], by=by, now=now).booking


# --- Personal data ----------------------------------------------------------------


def anonymise_case(case, *, now=None) -> None:
    """Remove what identifies the household, keeping the anonymous facts the reports use."""
    now = now or timezone.now()
    with transaction.atomic():
        # Every field fostering/privacy.py declares personal is blanked; the postcode
        # keeps its district for the reports by area.
        FosteringCase.objects.filter(pk=case.pk).update(
            **anonymised_values(
                FosteringCase,
                first_name="Anonymised",
                email=f"anonymised-{case.pk}@invalid.example",
                postcode=(case.postcode or "").split(" ")[0][:4],
            ),
            anonymised_at=now,
        )
        case.notes.all().delete()
        case.members.all().delete()
        case.checks.all().delete()
        case.moves.update(**anonymised_values(StageMove))
        case.alerts.update(**anonymised_values(ClockAlert))
