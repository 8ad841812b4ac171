"""The demo shows the portfolio as the issue describes it, dated from today."""

import pytest
from django.core.management import call_command

from portfolio.models import Observation, Portfolio, Review, SupervisionRecord
from portfolio.services.progress import missing_evidence


@pytest.mark.django_db
def test_the_demo_has_priya_four_months_in_and_ben_ready_but_for_one_observation():
    call_command("seed_demo", verbosity=0)
    priya = Portfolio.objects.get(nqsw__email="nqsw@demo.southamptonway.example")
    assert priya.assessor.email == "assessor@demo.southamptonway.example"
    assert priya.agreement.is_agreed
    assert 3 <= (priya.starts_on and (priya.created_at.date() - priya.starts_on).days // 30) <= 4
    assert SupervisionRecord.objects.filter(portfolio=priya).count() >= 6
    assert Observation.objects.filter(portfolio=priya).count() == 1
    assert Review.objects.get(portfolio=priya).point.title == "Three-month review"

    ben = Portfolio.objects.get(nqsw__email="nqsw.year@demo.southamptonway.example")
    assert missing_evidence(ben) == ["Direct observations: 3 needed, 2 recorded."]
    agency = Portfolio.objects.get(nqsw__email="agency.nqsw@demo.southamptonway.example")
    assert agency.profile.employment_type == "agency"
    assert agency.cohort == priya.cohort
