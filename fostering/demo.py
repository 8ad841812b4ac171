"""Demo fostering service: information events (one full, some nearly full), Skills to Foster
sessions, and a pipeline of 30 households at every stage (the review route after a decision
not to approve included), some with clocks at risk.

Idempotent: events and sessions are keyed by title, cases by e-mail address. Every name is
made up; addresses use the reserved example.com domain.
"""

import datetime

from django.utils import timezone

from accounts.factories import UserFactory
from accounts.models import Team, User
from core.booking import BookingStatus
from core.references import ReferenceRequest

from .application_services import (
    REFERENCE_PURPOSE,
    accept_joint_invitation,
    invite_joint_applicant,
    invite_to_apply,
    record_reference,
    submit_application,
)
from .clocks import WorkingDays
from .factories import (
    EventBookingFactory,
    FosteringCaseFactory,
    InformationEventFactory,
    PreparationSessionFactory,
    advance,
    fill_household_sections,
    fill_own_sections,
)
from .models import (
    BankHoliday,
    CheckType,
    FosteringCase,
    HouseholdMember,
    PreparationBooking,
    Stage1Check,
)
from .pipeline import JOURNEY, NEEDS_REASON, REVIEW, Stage
from .services import add_household_member, add_note, book_preparation_place, refresh_stage_one

BANK_HOLIDAYS = [
    ("2026-01-01", "New Year's Day"),
    ("2026-04-03", "Good Friday"),
    ("2026-04-06", "Easter Monday"),
    ("2026-05-04", "Early May bank holiday"),
    ("2026-05-25", "Spring bank holiday"),
    ("2026-08-31", "Summer bank holiday"),
    ("2026-12-25", "Christmas Day"),
    ("2026-12-28", "Boxing Day (substitute day)"),
    ("2027-01-01", "New Year's Day"),
    ("2027-03-26", "Good Friday"),
    ("2027-03-29", "Easter Monday"),
    ("2027-05-03", "Early May bank holiday"),
    ("2027-05-31", "Spring bank holiday"),
    ("2027-08-30", "Summer bank holiday"),
    ("2027-12-27", "Christmas Day (substitute day)"),
    ("2027-12-28", "Boxing Day (substitute day)"),
]

# title, format, days from now, capacity, places booked
EVENTS = [
    ("Fostering in Southampton: online information evening", "online", 6, 30, 27),
    ("Meet our foster carers: drop-in at the Civic Centre", "in_person", 10, 15, 15),
    ("Short breaks and disabled children: online session", "online", 20, 25, 22),
    ("Fostering teenagers: coffee morning in Shirley", "in_person", 27, 20, 3),
    ("Fostering in Southampton: online lunchtime session", "online", 41, 30, 1),
]
PAST_EVENT = ("Autumn fostering information evening", "online", -25, 30, 18)

SESSIONS = [
    ("Skills to Foster, day 1 (autumn group)", -50, 12, "past"),
    ("Skills to Foster, day 2 (autumn group)", -43, 12, "past"),
    ("Skills to Foster, day 1 (winter group)", 9, 12, "current"),
    ("Skills to Foster, day 2 (winter group)", 16, 12, "current"),
    ("Skills to Foster, day 1 (spring group)", 75, 14, "later"),
]

# first, last, stage reached, days since enquiry, source, partner?, notes on the clocks
CASES = [
    ("Bethany", "Marsh", Stage.ENQUIRY, 0, "website", False, ""),
    ("Rashid", "Karimi", Stage.ENQUIRY, 1, "social_media", True, ""),
    ("Lorna", "Whitcombe", Stage.ENQUIRY, 4, "friend", False, "reply overdue"),
    ("Tomasz", "Nowicki", Stage.INITIAL_CALL, 3, "information_event", True, ""),
    ("Janine", "Ashby", Stage.INITIAL_CALL, 9, "advert", False, "visit overdue"),
    ("Kwame", "Asante", Stage.INITIAL_VISIT, 12, "information_event", True, ""),
    ("Shona", "McBride", Stage.INITIAL_VISIT, 20, "website", False, ""),
    ("Dev", "Patel", Stage.APPLICATION, 30, "school_or_work", True, ""),
    ("Rhiannon", "Hughes", Stage.APPLICATION, 35, "friend", False, ""),
    ("Oliver", "Greaves", Stage.STAGE_ONE, 45, "website", True, ""),
    ("Farah", "Siddiqui", Stage.STAGE_ONE, 52, "social_media", True, ""),
    ("Colin", "Pryce", Stage.STAGE_ONE, 60, "advert", False, ""),
    ("Sam", "Okafor", Stage.TRAINING, 70, "information_event", True, "demo enquirer"),
    ("Ellie", "Brennan", Stage.TRAINING, 75, "friend", False, ""),
    ("Marcus", "Doyle", Stage.TRAINING, 80, "website", True, ""),
    ("Abimbola", "Adeyemi", Stage.STAGE_TWO, 120, "information_event", True, ""),
    ("Gareth", "Lloyd", Stage.STAGE_TWO, 160, "friend", True, ""),
    ("Yvonne", "Chen", Stage.STAGE_TWO, 240, "website", False, "panel clock at risk"),
    ("Precious", "Moyo", Stage.PANEL_BOOKED, 200, "school_or_work", True, "papers due"),
    ("Daniel", "Fairbairn", Stage.PANEL_BOOKED, 190, "website", False, ""),
    ("Harriet", "Stone", Stage.PANEL_RECOMMENDATION, 215, "friend", True, "decision due"),
    ("Ifeoma", "Obi", Stage.AGENCY_DECISION, 225, "information_event", True, ""),
    ("Graham", "Wells", Stage.APPROVED, 250, "advert", True, ""),
    # The review route after a decision not to approve.
    (
        "Wendy",
        "Harper",
        Stage.NOT_APPROVED,
        205,
        "friend",
        False,
        "The assessment found no settled support network for the first year",
    ),
    ("Malik", "Hassan", Stage.IRM_REQUESTED, 240, "website", True, ""),
    ("Carys", "Morgan", Stage.IRM_RECOMMENDATION, 300, "advert", False, ""),
    ("Nia", "Roberts", Stage.FINAL_DECISION, 330, "school_or_work", True, ""),
    (
        "Pauline",
        "Rees",
        Stage.REFUSED,
        340,
        "social_media",
        True,
        "Decision confirmed after the independent review",
    ),
    (
        "Natalie",
        "Booth",
        Stage.WITHDRAWN,
        90,
        "website",
        False,
        "Our own family circumstances changed",
    ),
    (
        "Leon",
        "Fraser",
        Stage.NOT_PROGRESSED,
        140,
        "social_media",
        False,
        "No spare bedroom for a child",
    ),
]

# Households applying online, each at a different point: invited and not started; part
# filled in with the partner not yet joined; sent (the Stage 1 checks and referees' links
# created, one reference back); every Stage 1 check back, with the 10-working-day clock
# for telling them about Stage 2 on track, and overdue.
APPLYING = {
    "shona.mcbride@example.com": "invited",
    "kwame.asante@example.com": "in_progress",
    "dev.patel@example.com": "sent",
    "farah.siddiqui@example.com": "checks_back",
    "colin.pryce@example.com": "checks_back_late",
}
SENT = {"sent", "checks_back", "checks_back_late"}

# Typical days from one stage to the next, compressed to fit each case's age.
TYPICAL_DAYS = {
    Stage.INITIAL_CALL: 1,
    Stage.INITIAL_VISIT: 4,
    Stage.APPLICATION: 10,
    Stage.STAGE_ONE: 2,
    Stage.TRAINING: 30,
    Stage.STAGE_TWO: 25,
    Stage.PANEL_BOOKED: 90,
    Stage.PANEL_RECOMMENDATION: 28,
    Stage.AGENCY_DECISION: 5,
    Stage.APPROVED: 2,
    Stage.NOT_APPROVED: 1,
    Stage.IRM_REQUESTED: 20,
    Stage.IRM_RECOMMENDATION: 75,
    Stage.FINAL_DECISION: 12,
    Stage.REFUSED: 2,
}

# The moves that need a note in the demo, and the note, when the case is not at that stage.
REVIEW_NOTES = {
    Stage.NOT_APPROVED: "The panel and the decision maker were not satisfied about the "
    "household's support network",
    Stage.REFUSED: "Decision confirmed",
}


def _path_to(stage):
    """The stages a demo case walks through to reach `stage` (after the enquiry)."""
    if stage in REVIEW or stage == Stage.REFUSED:
        review = REVIEW if stage == Stage.REFUSED else REVIEW[: REVIEW.index(stage) + 1]
        extra = [Stage.REFUSED] if stage == Stage.REFUSED else []
        return [*JOURNEY[1 : JOURNEY.index(Stage.AGENCY_DECISION) + 1], *review, *extra]
    return list(JOURNEY[1 : JOURNEY.index(stage) + 1])


def _beyond_training(stage):
    return stage not in {Stage.WITHDRAWN, Stage.NOT_PROGRESSED} and (
        stage not in JOURNEY or JOURNEY.index(stage) > JOURNEY.index(Stage.TRAINING)
    )


TYPES = [
    ["short_term"],
    ["long_term", "short_term"],
    ["emergency"],
    ["short_breaks"],
    ["not_sure"],
    ["parent_and_child"],
]


def seed(log):
    now = timezone.now()
    for day, name in BANK_HOLIDAYS:
        BankHoliday.objects.get_or_create(
            date=datetime.date.fromisoformat(day), defaults={"name": name}
        )
    events = _seed_events(now)
    sessions = _seed_sessions(now)
    created = _seed_cases(now, sessions)
    log(
        f"  {len(events)} information events, "
        f"{sum(map(len, sessions.values()))} Skills to Foster sessions, "
        f"{created} new fostering cases"
    )


def _at(now, days, hour):
    moment = timezone.localtime(now) + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def _seed_events(now):
    events = []
    for n, (title, fmt, days, capacity, booked) in enumerate([*EVENTS, PAST_EVENT]):
        event = InformationEventFactory._meta.model.objects.filter(title=title).first()
        if event is None:
            starts = _at(now, days, 18 if fmt == "online" else 10)
            extra = {"in_person": True} if fmt == "in_person" else {}
            event = InformationEventFactory(
                title=title,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=1, minutes=30),
                capacity=capacity,
                summary="Hear from foster carers and the fostering team about what fostering "
                "in Southampton involves, the support and allowances, and how to start. Ask "
                "anything; there is no commitment.",
                **extra,
            )
            if fmt == "in_person" and "Shirley" in title:
                event.area = "Shirley, Southampton"
                event.venue = "Shirley Community Hub, Shirley Road, Southampton"
                event.save()
            for i in range(booked):
                EventBookingFactory(
                    session=event,
                    email=f"event{n}-guest{i}@example.com",
                    created_at=now - datetime.timedelta(days=10 - i % 9),
                    status=BookingStatus.CONFIRMED,
                )
        events.append(event)
    return events


def _seed_sessions(now):
    sessions = {}
    for title, days, capacity, group in SESSIONS:
        session = PreparationSessionFactory._meta.model.objects.filter(title=title).first()
        if session is None:
            starts = _at(now, days, 9) + datetime.timedelta(minutes=30)
            session = PreparationSessionFactory(
                title=title,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=6),
                capacity=capacity,
            )
        sessions.setdefault(group, []).append(session)
    return sessions


def _seed_cases(now, sessions):
    worker = User.objects.filter(email="fostering@demo.southamptonway.example").first()
    enquirer = User.objects.filter(email="enquirer@demo.southamptonway.example").first()
    team = Team.objects.filter(name="Fostering Service").first()
    created = 0
    for n, (first, last, stage, age, source, partner, remark) in enumerate(CASES):
        is_demo_enquirer = remark == "demo enquirer" and enquirer is not None
        email = enquirer.email if is_demo_enquirer else f"{first}.{last}@example.com".lower()
        if FosteringCase.objects.filter(email=email).exists():
            continue
        created += 1
        enquired = _at(now, -age, 9 + n % 8) if age else now - datetime.timedelta(hours=2)
        case = FosteringCaseFactory(
            first_name=first,
            last_name=last,
            email=email,
            phone=f"07700 900{n:03d}",
            preferred_call_time=[
                "Weekday evenings",
                "Mornings before 11",
                "Any time",
                "Lunchtimes",
            ][n % 4],
            postcode=[
                "SO14 0AB",
                "SO15 5QT",
                "SO16 3HU",
                "SO17 2FW",
                "SO18 1LS",
                "SO19 7PQ",
                "SO31 4NG",
                "SO50 9DE",
            ][n % 8],
            household=("Me and my partner" if partner else "Just me")
            + (", and our two children (8 and 13)." if n % 3 == 0 else "."),
            fostering_types=TYPES[n % len(TYPES)],
            source=source,
            enquired_at=enquired,
            stage_changed_at=enquired,
            user=enquirer if is_demo_enquirer else None,
            assessing_worker=worker if stage not in {Stage.ENQUIRY} and n % 5 != 1 else None,
            supervising_team=team if stage in {Stage.APPROVED, Stage.AGENCY_DECISION} else None,
        )
        if stage == Stage.ENQUIRY and remark:
            case.assessing_worker = worker
            case.save(update_fields=["assessing_worker"])
        _walk(case, stage, remark, now, worker, partner, sessions)
        _panel_dates(case, remark, now)
    return created


def _walk(case, stage, remark, now, worker, partner, sessions):
    """Take the case to its stage, recording before each move what its gate needs (the
    household at the application, training before the training stage; the rest as
    `factories.advance` records it on the day of the move)."""
    if stage == Stage.ENQUIRY:
        return
    closing = stage in {Stage.WITHDRAWN, Stage.NOT_PROGRESSED}
    target = {Stage.WITHDRAWN: Stage.TRAINING, Stage.NOT_PROGRESSED: Stage.INITIAL_VISIT}.get(
        stage, stage
    )
    path = _path_to(target)
    if closing:
        path = [*path, stage]
    span = (now - case.enquired_at).total_seconds() / 86400 - 0.5
    wanted = [TYPICAL_DAYS.get(s, 3) for s in path]
    if remark == "visit overdue":
        wanted = [1]
    scale = min(1.0, span / sum(wanted)) if sum(wanted) else 1
    at = case.enquired_at
    point = APPLYING.get(case.email)
    for step, days in zip(path, wanted, strict=True):
        at = at + datetime.timedelta(days=days * scale)
        note = remark if step == stage and stage in NEEDS_REASON else REVIEW_NOTES.get(step, "")
        if step == Stage.APPLICATION and point in SENT:
            _apply_online(case, worker, partner, at, point)  # sending moves the case
            continue
        if step == Stage.STAGE_ONE and not case.members.exists():
            _household(case, stage, partner)
        if step == Stage.TRAINING:
            _training(case, stage, sessions)
        advance(case, step, by=worker, note=note, now=at)
    if point and point not in SENT:
        _apply_online(case, worker, partner, at, point)
    if point in {"checks_back", "checks_back_late"}:
        _all_checks_back(case, late=point == "checks_back_late")
    elif stage == Stage.STAGE_ONE:
        _some_checks_still_open(case)
    if stage in {Stage.STAGE_TWO, Stage.PANEL_BOOKED}:
        add_note(
            case,
            "Assessment session held at home; Form F sections on support network drafted.",
            author=worker,
            now=at + datetime.timedelta(hours=2),
        )
    if remark == "panel clock at risk":
        # Application received almost eight months ago.
        case.application_received_on = (now - datetime.timedelta(days=225)).date()
        case.save(update_fields=["application_received_on"])


def _household(case, stage, partner):
    """The household as the application recorded it, with the Stage 1 checks it needs."""
    add_household_member(
        case, name=case.full_name, relationship=HouseholdMember.Relationship.APPLICANT
    )
    if partner:
        add_household_member(
            case,
            name=f"{'Chris' if case.pk % 2 else 'Jo'} {case.last_name}",
            relationship=HouseholdMember.Relationship.PARTNER,
        )
    if case.pk % 3 == 0:
        add_household_member(
            case,
            name=f"Robin {case.last_name}",
            relationship=HouseholdMember.Relationship.CHILD,
            is_adult=False,
        )
    requested = timezone.localtime(case.stage_changed_at).date() + datetime.timedelta(days=1)
    for i, check in enumerate(case.checks.all()):
        check.requested_on = requested
        if check.check_type == CheckType.FORMER_PARTNER and i % 4 == 0:
            check.outcome = Stage1Check.Outcome.NOT_APPLICABLE
            check.notes = "No former partners."
        if check.check_type == CheckType.REFERENCE:
            check.detail = "Personal referee (friend of over ten years)"
        check.save()


def _applicant_account(email, first, last):
    return UserFactory(email=email, first_name=first, last_name=last, roles=["foster enquirer"])


def _apply_online(case, worker, partner, at, point):
    """Invite the household to apply and take its application to `point` (see APPLYING)."""
    application = invite_to_apply(case, by=worker, now=at)
    lead_user = _applicant_account(case.email, case.first_name, case.last_name)
    FosteringCase.objects.filter(pk=case.pk).update(user=lead_user)
    case.user = lead_user
    lead = application.applicants.get()
    lead.user, lead.accepted_at = lead_user, at
    lead.save(update_fields=["user", "accepted_at"])
    if point == "invited":
        return
    joint = None
    if partner:
        joint = invite_joint_applicant(
            application,
            name=f"Chris {case.last_name}",
            email=f"chris.{case.last_name}@example.com".lower(),
            by=lead_user,
            now=at,
        )
    fill_own_sections(application, lead)
    if point == "in_progress":
        return  # the partner has not joined yet; the household's sections are still to do
    if joint:
        partner_user = _applicant_account(joint.email, "Chris", case.last_name)
        accept_joint_invitation(joint.invitation_token, partner_user, now=at)
        joint.refresh_from_db()
        fill_own_sections(application, joint)
    fill_household_sections(application, lead)
    submit_application(application, by=lead_user, now=at)
    case.refresh_from_db()
    if point == "sent":
        request = ReferenceRequest.objects.filter(purpose=REFERENCE_PURPOSE).order_by("-pk")
        check_ids = [str(pk) for pk in case.checks.values_list("pk", flat=True)]
        first = request.filter(object_id__in=check_ids).last()
        record_reference(
            first,
            {
                "How long have you known them, and how?": "Twelve years; we met at work.",
                "Would you recommend them as foster carers?": "Yes",
            },
            now=min(at + datetime.timedelta(days=3), timezone.now()),
        )


def _all_checks_back(case, *, late):
    """Every Stage 1 check back: three working days ago (on track), or fourteen (overdue)."""
    day = WorkingDays().add(timezone.localdate(), -14 if late else -3)
    case.checks.update(completed_on=day, outcome=Stage1Check.Outcome.SATISFACTORY)
    refresh_stage_one(case)


def _some_checks_still_open(case):
    """A case at Stage 1 has about half its checks back."""
    for i, check in enumerate(case.checks.all()):
        if i % 2 == 0 and check.outcome == Stage1Check.Outcome.PENDING:
            check.completed_on = min(
                check.requested_on + datetime.timedelta(days=10 + i), timezone.localdate()
            )
            check.outcome = Stage1Check.Outcome.SATISFACTORY
            check.save(update_fields=["completed_on", "outcome"])


def _training(case, stage, sessions):
    """Skills to Foster: booked on the coming sessions for a case in training; attended (the
    autumn group) for a case beyond it, or withdrawn after it."""
    if stage == Stage.TRAINING:
        for session in sessions.get("current", []):
            book_preparation_place(session, case)
    elif _beyond_training(stage) or stage == Stage.WITHDRAWN:
        for session in sessions.get("past", []):
            PreparationBooking.objects.get_or_create(
                session=session,
                case=case,
                defaults={
                    "status": BookingStatus.ATTENDED,
                    "created_at": session.starts_at - datetime.timedelta(days=14),
                },
            )


def _panel_dates(case, remark, now):
    today = timezone.localdate()
    if case.stage == Stage.PANEL_BOOKED:
        # "papers due": the papers must go out today (five working days before panel).
        case.panel_date = (
            WorkingDays().add(today, 5)
            if remark == "papers due"
            else today + datetime.timedelta(days=30)
        )
    if case.stage in {
        Stage.PANEL_RECOMMENDATION,
        Stage.AGENCY_DECISION,
        Stage.APPROVED,
        *REVIEW,
        Stage.REFUSED,
    }:
        case.panel_date = timezone.localtime(
            case.moves.get(to_stage=Stage.PANEL_RECOMMENDATION).at
        ).date()
        case.panel_papers_sent_on = case.panel_date - datetime.timedelta(days=10)
        case.panel_minutes_received_on = case.panel_date + datetime.timedelta(days=3)
        if remark == "decision due":
            # The decision falls due today (or, at a weekend, fell due on Friday).
            days = WorkingDays()
            back = 7 if days.is_working_day(today) else 8
            case.panel_minutes_received_on = days.add(today, -back)
    case.save(update_fields=["panel_date", "panel_papers_sent_on", "panel_minutes_received_on"])
