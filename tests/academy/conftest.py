import datetime

import pytest
from django.utils import timezone

from academy.factories import TrainingSessionFactory, staff_user


@pytest.fixture
def staff(db):
    def make(**profile):
        return staff_user(profile=profile)

    return make


@pytest.fixture
def session_factory(db):
    def make(days=14, **kwargs):
        starts = (timezone.now() + datetime.timedelta(days=days)).replace(second=0, microsecond=0)
        return TrainingSessionFactory(
            starts_at=starts, ends_at=starts + datetime.timedelta(hours=3), **kwargs
        )

    return make
