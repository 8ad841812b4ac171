"""Every register in the Wagtail admin, for every role: its listing, its inspect page and
each spreadsheet export. Seeing any of them needs that register's view permission
(core/viewsets.py); admin users without it are sent to the dashboard (302), people
without admin access get 403 (tests/access.py).

`test_every_admin_register_is_in_the_matrix` (tests/core/test_admin_access.py) fails
when a viewset or report is added to the admin without a line here.
"""

from dataclasses import dataclass, field

from accounts.roles import Role
from tests.access import Row

FOSTERING_TEAM = {Role.FOSTERING_TEAM, Role.ADMINISTRATOR}
STAFF_DIRECTORY = {Role.ADMINISTRATOR, Role.RECRUITER, Role.LD_LEAD, Role.WORKFORCE_LEAD}


def _staff_record(make_user):
    return f"/admin/staff_records/inspect/{make_user(Role.STAFF_MEMBER).staff_profile.pk}/"


def _training_booking(make_user):
    from academy.factories import BookingFactory

    return f"/admin/academy/bookings/inspect/{BookingFactory().pk}/"


def _fostering_case(make_user):
    from fostering.factories import FosteringCaseFactory

    return f"/admin/fostering-cases/inspect/{FosteringCaseFactory().pk}/"


@dataclass
class Register:
    index: str
    allowed: set[str]
    exports: bool = False
    inspect: object = None
    rows: list = field(init=False)

    def __post_init__(self):
        paths = {"": self.index}
        if self.exports:
            paths |= {f" {fmt}": f"{self.index}?export={fmt}" for fmt in ("csv", "xlsx")}
        self.rows = [
            Row(f"admin {self.index}{suffix}", path=path, allowed=self.allowed, others=302)
            for suffix, path in paths.items()
        ]
        if self.inspect:
            self.rows.append(
                Row(
                    f"admin {self.index} inspect",
                    path=self.inspect,
                    allowed=self.allowed,
                    others=302,
                )
            )


ADMIN_REGISTERS = [
    # People and reference data.
    Register("/admin/staff_records/", STAFF_DIRECTORY, exports=True, inspect=_staff_record),
    Register("/admin/snippets/accounts/team/", STAFF_DIRECTORY),
    Register("/admin/snippets/accounts/locality/", STAFF_DIRECTORY),
    Register("/admin/snippets/accounts/jobrole/", {Role.ADMINISTRATOR}),
    Register("/admin/snippets/accounts/rolefamily/", {Role.ADMINISTRATOR}),
    Register("/admin/snippets/cms/staffstory/", {Role.CONTENT_EDITOR, Role.ADMINISTRATOR}),
    # The academy: only L&D runs it from the admin (trainers take registers in the portal,
    # staff book through the portal).
    Register("/admin/snippets/academy/programme/", {Role.LD_LEAD}),
    Register("/admin/snippets/academy/coursecategory/", {Role.LD_LEAD}),
    Register("/admin/snippets/academy/practicestrand/", {Role.LD_LEAD}),
    Register("/admin/snippets/academy/pcfdomain/", {Role.LD_LEAD}),
    Register("/admin/snippets/academy/kssarea/", {Role.LD_LEAD}),
    Register("/admin/academy/sessions/", {Role.LD_LEAD}, exports=True),
    Register("/admin/academy/bookings/", {Role.LD_LEAD}, exports=True, inspect=_training_booking),
    Register("/admin/academy/completions/", {Role.LD_LEAD}, exports=True),
    Register("/admin/academy/enrolments/", {Role.LD_LEAD}, exports=True),
    Register("/admin/academy-reports/sessions/", {Role.LD_LEAD}, exports=True),
    Register("/admin/academy-reports/compliance/", {Role.LD_LEAD}, exports=True),
    # Fostering.
    Register("/admin/fostering-cases/", FOSTERING_TEAM, exports=True, inspect=_fostering_case),
    Register("/admin/snippets/fostering/informationevent/", FOSTERING_TEAM),
    Register("/admin/snippets/fostering/eventbooking/", FOSTERING_TEAM, exports=True),
    Register("/admin/snippets/fostering/preparationsession/", FOSTERING_TEAM),
    Register("/admin/snippets/fostering/bankholiday/", FOSTERING_TEAM),
    # The early-career portfolio: the coordinator keeps it; administrators edit its shape.
    Register("/admin/snippets/portfolio/portfolio/", {Role.PROGRAMME_COORDINATOR}),
    Register("/admin/snippets/portfolio/moderationpanel/", {Role.PROGRAMME_COORDINATOR}),
    Register("/admin/snippets/portfolio/cohort/", {Role.PROGRAMME_COORDINATOR, Role.ADMINISTRATOR}),
    Register(
        "/admin/snippets/portfolio/programmetemplate/",
        {Role.PROGRAMME_COORDINATOR, Role.ADMINISTRATOR},
    ),
    Register(
        "/admin/snippets/portfolio/framework/", {Role.PROGRAMME_COORDINATOR, Role.ADMINISTRATOR}
    ),
    # Recruitment.
    Register("/admin/recruitment/applications/", {Role.RECRUITER}, exports=True),
    Register("/admin/recruitment/checks/", {Role.RECRUITER}, exports=True),
    Register("/admin/recruitment/job-alerts/", {Role.RECRUITER}, exports=True),
    # The agency register's reference data (the register itself is under /workforce/).
    Register("/admin/snippets/workforce/agency/", {Role.WORKFORCE_LEAD}),
    Register("/admin/snippets/workforce/pricecap/", {Role.WORKFORCE_LEAD}, exports=True),
    Register("/admin/snippets/workforce/projectteam/", {Role.WORKFORCE_LEAD}),
]

ACCESS = [row for register in ADMIN_REGISTERS for row in register.rows]
