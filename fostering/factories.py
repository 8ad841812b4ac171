import datetime

import factory
from django.utils import timezone

from core.booking import BookingStatus

from .models import (
    EnquirySource,
    EventBooking,
    FosteringCase,
    HouseholdMember,
    InformationEvent,
    PreparationSession,
    SpareBedroom,
    Stage1Check,
)


def _in_days(days, hour=18):
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class InformationEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InformationEvent

    title = "Thinking about fostering? Online information evening"
    format = InformationEvent.Format.ONLINE
    summary = "An hour with the fostering team and two foster carers, with time for questions."
    joining_link = factory.Sequence(lambda n: f"https://meet.example/southampton-fostering-{n}")
    starts_at = factory.LazyFunction(lambda: _in_days(14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=1, minutes=30))
    capacity = 20

    class Params:
        in_person = factory.Trait(
            title="Fostering drop-in",
            format=InformationEvent.Format.IN_PERSON,
            joining_link="",
            area="Central Southampton",
            venue="Civic Centre, Civic Centre Road, Southampton SO14 7LY",
        )


class EventBookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventBooking

    session = factory.SubFactory(InformationEventFactory)
    name = factory.Faker("name", locale="en_GB")
    email = factory.Sequence(lambda n: f"visitor{n}@example.com")
    status = BookingStatus.CONFIRMED


class FosteringCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FosteringCase

    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.Sequence(lambda n: f"enquirer{n}@example.com")
    phone = factory.Sequence(lambda n: f"07700 9{n % 100000:05d}")
    preferred_call_time = "Weekday evenings"
    postcode = "SO15 2AB"
    household = "Me and my partner; our son is 12."
    spare_bedroom = SpareBedroom.YES
    fostering_types = factory.LazyFunction(lambda: ["short_term"])
    source = EnquirySource.WEBSITE
    consent_to_contact = True
    enquired_at = factory.LazyFunction(timezone.now)
    stage_changed_at = factory.LazyAttribute(lambda o: o.enquired_at)


class HouseholdMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HouseholdMember

    case = factory.SubFactory(FosteringCaseFactory)
    name = factory.Faker("name", locale="en_GB")
    relationship = HouseholdMember.Relationship.APPLICANT
    is_adult = True


class PreparationSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PreparationSession

    title = "Skills to Foster, day 1"
    venue = "Civic Centre, Civic Centre Road, Southampton SO14 7LY"
    starts_at = factory.LazyFunction(lambda: _in_days(21, hour=9) + datetime.timedelta(minutes=30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=6))
    capacity = 12


# --- Cases further along: meeting each move's gate ------------------------------------


def satisfy_gates(case, to_stage, *, worker=None, today=None):
    """Record what the move to `to_stage` needs (pipeline.GATES), as a team would have.

    For tests and the demo: each fact is dated `today` (the day of the move) unless the
    case already has it. Never changes the stage: `services.move_case` does that.
    """
    from .pipeline import GATES, Recommendation
    from .services import add_household_member, refresh_stage_one

    today = today or timezone.localdate()
    keys = {gate.key for gate in GATES.get(to_stage, ())}
    fields = set()
    if "worker" in keys and not case.assessing_worker_id:
        case.assessing_worker = worker
        fields.add("assessing_worker")
    if keys & {"household", "checks"} and not case.members.exists():
        add_household_member(
            case, name=case.full_name, relationship=HouseholdMember.Relationship.APPLICANT
        )
    if "checks" in keys:
        case.checks.filter(requested_on__isnull=True).update(
            requested_on=today - datetime.timedelta(days=21)
        )
        case.checks.filter(completed_on__isnull=True).update(completed_on=today)
        case.checks.filter(outcome=Stage1Check.Outcome.PENDING).update(
            outcome=Stage1Check.Outcome.SATISFACTORY
        )
        refresh_stage_one(case)
    held = [BookingStatus.CONFIRMED, BookingStatus.ATTENDED]
    if "training_booked" in keys and not case.training_bookings.filter(status__in=held).exists():
        _training_booking(case, today + datetime.timedelta(days=7), BookingStatus.CONFIRMED)
    if "training" in keys:
        case.training_bookings.filter(status=BookingStatus.CONFIRMED).update(
            status=BookingStatus.ATTENDED
        )
        if not case.training_bookings.filter(status=BookingStatus.ATTENDED).exists():
            _training_booking(case, today - datetime.timedelta(days=14), BookingStatus.ATTENDED)
    if "assessment" in keys and not case.assessment_completed_on:
        case.assessment_completed_on = today
        fields.add("assessment_completed_on")
    if "panel_date" in keys and not case.panel_date:
        case.panel_date = today + datetime.timedelta(days=28)
        fields.add("panel_date")
    if "panel_held" in keys and (not case.panel_date or case.panel_date > today):
        case.panel_date = today
        fields.add("panel_date")
    if "papers" in keys and not case.panel_papers_sent_on:
        case.panel_papers_sent_on = case.panel_date - datetime.timedelta(days=10)
        fields.add("panel_papers_sent_on")
    if "recommendation" in keys and not case.panel_recommendation:
        case.panel_recommendation = Recommendation.APPROVE
        fields.add("panel_recommendation")
    if "minutes" in keys and not case.panel_minutes_received_on:
        case.panel_minutes_received_on = today
        fields.add("panel_minutes_received_on")
    wanted = {
        "decided": case.agency_decision or Recommendation.APPROVE,
        "decided_yes": Recommendation.APPROVE,
        "decided_no": Recommendation.NOT_APPROVE,
    }
    for key, decision in wanted.items():
        if key in keys and case.agency_decision != decision:
            case.agency_decision = decision
            fields.add("agency_decision")
    if fields:
        case.save(update_fields=sorted(fields))


def _training_booking(case, day, status):
    from .models import PreparationBooking

    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))
    session = PreparationSessionFactory(starts_at=starts)
    return PreparationBooking.objects.create(session=session, case=case, status=status)


def advance(case, to_stage, *, by, note="", now=None):
    """Meet the gate of the move to `to_stage`, then make it (for tests and the demo)."""
    from .services import move_case

    now = now or timezone.now()
    satisfy_gates(case, to_stage, worker=by, today=timezone.localtime(now).date())
    return move_case(case, to_stage, by=by, note=note, now=now)


def walk_to(case, stage, *, by, now=None):
    """Take a case along the journey to `stage`, meeting each gate on the way."""
    from .pipeline import JOURNEY

    for step in JOURNEY[JOURNEY.index(case.stage) + 1 : JOURNEY.index(stage) + 1]:
        advance(case, step, by=by, now=now)
    return case


# --- Online applications ----------------------------------------------------------------


def fill_own_sections(application, applicant, *, sign=True):
    """Answer every section of one applicant's own (for the demo and tests)."""
    from .application_sections import BY_KEY, CONSENTS
    from .application_services import add_item, finish_list, save_answers, sign_declaration

    surname = applicant.name.split()[-1]
    save_answers(
        application,
        BY_KEY["about_you"],
        applicant,
        {
            "full_name": applicant.name,
            "previous_names": "",
            "date_of_birth": "1983-06-14",
            "phone": "07700 900555",
        },
    )
    add_item(
        application,
        BY_KEY["addresses"],
        applicant,
        {
            "address": f"{14 + applicant.pk % 40} Winchester Road, Southampton",
            "postcode": "SO16 6AA",
            "moved_in": "2012-04-01",
        },
    )
    finish_list(application, BY_KEY["addresses"], applicant)
    add_item(
        application,
        BY_KEY["employment"],
        applicant,
        {
            "employer": "University Hospital Southampton",
            "job_title": "Nurse",
            "started": "2014-09-01",
            "contact_email": "hr@example.com",
        },
    )
    finish_list(application, BY_KEY["employment"], applicant)
    finish_list(application, BY_KEY["former_partners"], applicant, none=True)
    save_answers(
        application,
        BY_KEY["health"],
        applicant,
        {
            "gp_practice": "Shirley Health Centre, Southampton",
            "conditions": "",
            "medical_consent": True,
        },
    )
    save_answers(application, BY_KEY["convictions"], applicant, {"has_record": "no", "details": ""})
    if sign:
        sign_declaration(applicant, {key: True for key, _ in CONSENTS})
    return surname


def fill_household_sections(application, applicant, *, referees=2):
    """Answer the household's sections, with this many referees (for the demo and tests)."""
    from .application_sections import BY_KEY
    from .application_services import add_item, finish_list, save_answers

    finish_list(application, BY_KEY["household"], applicant, none=True)
    finish_list(application, BY_KEY["children"], applicant, none=True)
    for n, name in enumerate(["Priya Shah", "Tom Reed", "Alex Moore"][:referees]):
        add_item(
            application,
            BY_KEY["referees"],
            applicant,
            {
                "name": name,
                "email": f"referee{n}.{application.pk}@example.com",
                "phone": "07700 900222",
                "how_known": "A friend for over ten years",
                "years_known": 12,
                "is_relative": "no",
                "lives_with_you": "no",
            },
        )
    finish_list(application, BY_KEY["referees"], applicant)
    save_answers(
        application,
        BY_KEY["home"],
        applicant,
        {
            "bedrooms": 3,
            "sleeping": "Us in the front bedroom; the back bedroom is free.",
            "pets": "A cat",
            "smoking": "no",
        },
    )
    save_answers(
        application,
        BY_KEY["fostering"],
        applicant,
        {"types": ["short_term"], "ages": ["5-10", "11-15"], "how_many": "1"},
    )
