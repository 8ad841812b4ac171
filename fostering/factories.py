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
