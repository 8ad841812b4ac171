"""Demo portfolios, dated from today: Priya Shah four months into her ASYE, Ben Walsh at
month 11 with everything for the final recommendation but the last observation, and an
agency NQSW, Kemi Adeyemi, early in her year. Idempotent."""

import datetime

from django.utils import timezone

from academy.models import Enrolment, Programme
from accounts.models import StaffProfile, User

from . import factories as f
from .models import ModerationPanel, Portfolio, Reflection, SupervisionRecord
from .reference_data import ASYE, ECP

DEMO = "@demo.southamptonway.example"


def seed(log):
    today = timezone.localdate()
    asye = f.asye()
    for template, programme_name in ((asye, ASYE), (f.early_career_programme(), ECP)):
        programme = Programme.objects.filter(name=programme_name).first()
        if programme and template.programme_id is None:
            template.programme = programme
            template.save(update_fields=["programme"])
    people = {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith=DEMO)}
    needed = {"nqsw", "nqsw.year", "agency.nqsw", "assessor", "manager", "hiring"}
    if not needed <= people.keys():
        log("  portfolio: demo people missing, skipped")
        return
    if Portfolio.objects.filter(nqsw=people["nqsw"]).exists():
        log("  portfolio: demo portfolios already there")
        return
    cohort = f.cohort(
        starts_on=today - datetime.timedelta(weeks=48),
        template_=asye,
        name=f"ASYE cohort {today.year - 1} to {today.year}",
    )
    assessor = people["assessor"]

    priya = _start(people["nqsw"], people["manager"], cohort, assessor, today, weeks_in=17)
    f.agree(priya)
    start = priya.starts_on
    for week in range(1, 17, 2):
        f.add_supervision(
            priya,
            start + datetime.timedelta(weeks=week),
            notes="Caseload, a child in need plan and what I am learning in court work.",
        )
    f.add_observation(priya, start + datetime.timedelta(weeks=11))
    f.sign_review(priya, asye.points.get(due_week=13))
    Reflection.objects.create(
        portfolio=priya,
        recorded_by=priya.nqsw,
        signed_at=timezone.now(),
        kind=Reflection.Kind.CRITICAL,
        written_on=start + datetime.timedelta(weeks=9),
        title="My first strategy discussion",
        text="I was worried about getting the threshold wrong; supervision helped me see "
        "what the evidence did and did not show.",
    )

    ben = _start(people["nqsw.year"], people["manager"], cohort, assessor, today, weeks_in=48)
    f.ready_for_recommendation(ben, observations=2)
    for week in range(2, 48, 4):
        f.add_supervision(ben, ben.starts_on + datetime.timedelta(weeks=week))

    ben.panel = ModerationPanel.objects.create(
        meets_on=today + datetime.timedelta(weeks=5), where="Civic Centre, committee room 2"
    )
    ben.save(update_fields=["panel"])

    kemi = _start(people["agency.nqsw"], people["hiring"], cohort, assessor, today, weeks_in=10)
    f.agree(kemi)
    for week in (1, 2, 3, 4, 5, 6, 8):
        f.add_supervision(kemi, kemi.starts_on + datetime.timedelta(weeks=week))
    log(
        f"  portfolio: {Portfolio.objects.count()} portfolios, "
        f"{SupervisionRecord.objects.count()} supervision records"
    )


def _start(nqsw, manager, cohort, assessor, today, *, weeks_in):
    """Date the NQSW's staff record and ASYE enrolment from today, then open the portfolio."""
    starts_on = today - datetime.timedelta(weeks=weeks_in)
    StaffProfile.objects.filter(user=nqsw).update(
        start_date=starts_on, line_manager=manager, is_nqsw_first_year=True
    )
    programme = cohort.template.programme
    if programme is not None:
        Enrolment.objects.update_or_create(
            user=nqsw, programme=programme, defaults={"starts_on": starts_on}
        )
    return f.open_portfolio(nqsw, cohort, assessor=assessor, starts_on=starts_on)
