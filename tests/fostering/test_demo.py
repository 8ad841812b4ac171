"""The demo fostering service: a believable pipeline with a case at every stage."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts import demo as accounts_demo
from core.references import ReferenceRequest
from fostering import demo
from fostering.clocks import case_clocks
from fostering.models import FosteringApplication, FosteringCase, StageMove
from fostering.pipeline import Stage, missing_for

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_case_at_every_stage_and_runs_twice_safely(client_for):
    accounts_demo.seed(lambda message: None)  # the fostering team's worker moves the cases
    demo.seed(lambda message: None)
    assert set(FosteringCase.objects.values_list("stage", flat=True)) == set(Stage.values)
    # Every demo case meets what its current stage needed, and none was overridden.
    today = timezone.localdate()
    for case in FosteringCase.objects.exclude(stage__in=[Stage.WITHDRAWN, Stage.NOT_PROGRESSED]):
        assert missing_for(case, case.stage, today) == [], case
    assert not StageMove.objects.exclude(overridden=[]).exists()
    # Households applying online at each point, the clocks following.
    applications = FosteringApplication.objects.select_related("case")
    assert applications.filter(submitted_at__isnull=True).count() == 2
    sent = applications.filter(submitted_at__isnull=False)
    assert sent.count() == 3
    assert all(a.case.application_received_on for a in sent)
    assert ReferenceRequest.objects.filter(completed_at__isnull=False).count() == 1
    statuses = {
        clock.status
        for application in sent
        for clock in case_clocks(application.case)
        if clock.key == "stage_two_decision"
    }
    assert statuses == {"on_track", "overdue"}
    cases, moves = FosteringCase.objects.count(), StageMove.objects.count()
    demo.seed(lambda message: None)
    assert (FosteringCase.objects.count(), StageMove.objects.count()) == (cases, moves)

    client = client_for("fostering team")
    dashboard = client.get(reverse("fostering:dashboard")).content.decode()
    assert "Independent review requested" in dashboard
    refused = FosteringCase.objects.get(stage=Stage.REFUSED)
    page = client.get(reverse("fostering:case_detail", args=[refused.pk])).content.decode()
    assert "Decision confirmed after the independent review" in page
    not_approved = FosteringCase.objects.get(stage=Stage.NOT_APPROVED)
    page = client.get(reverse("fostering:case_detail", args=[not_approved.pk])).content.decode()
    assert "no settled support network" in page and "Independent Review Mechanism" in page
