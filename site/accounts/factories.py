import datetime

import factory
from django.contrib.auth.models import Group

from .models import EmploymentType, JobRole, Locality, StaffProfile, Team, User

DEMO_PASSWORD = "Southampton-demo-2026"  # noqa: S105 - development-only, documented


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.Sequence(lambda n: f"person{n}@example.com")
    password = factory.django.Password(DEMO_PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Mark the e-mail verified (allauth) unless `verified=False` is passed."""
        if create and extracted is not False:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.update_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


class LocalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Locality
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Locality {n}")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Team {n}")
    locality = factory.SubFactory(LocalityFactory)


class JobRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobRole
        django_get_or_create = ("name",)

    name = "Social worker"
    requires_swe_registration = True


class StaffProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffProfile
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory, roles=["staff member"])
    employment_type = EmploymentType.PERMANENT
    job_role = factory.SubFactory(JobRoleFactory)
    team = factory.SubFactory(TeamFactory)
    start_date = factory.LazyFunction(lambda: datetime.date(2024, 9, 2))
    swe_registration_number = factory.Sequence(lambda n: f"SW{100000 + n}")
