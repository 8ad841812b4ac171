import datetime
from decimal import Decimal

import factory

from accounts.factories import StaffProfileFactory
from accounts.models import EmploymentType

from .models import Agency, PriceCap, WorkforceSettings


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Agency {n}")
    contact_email = factory.Sequence(lambda n: f"bookings{n}@agency.example")


class PriceCapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriceCap

    region = factory.LazyFunction(lambda: WorkforceSettings.load().region)
    job_type = "social_worker"
    hourly_cap = Decimal("42.00")
    effective_from = datetime.date(2024, 10, 1)


class AgencyWorkerFactory(StaffProfileFactory):
    """A staff profile whose first employment spell is an agency one."""

    employment_type = EmploymentType.AGENCY
    start_date = datetime.date(2025, 1, 6)
