"""Demo people, teams and localities. Credentials are for development only (README)."""

import datetime

from .factories import (
    DEMO_PASSWORD,
    JobRoleFactory,
    LocalityFactory,
    StaffProfileFactory,
    TeamFactory,
    UserFactory,
)
from .models import EmploymentType, RoleFamily, Team
from .roles import MFA_REQUIRED_ROLES, Role

LOCALITIES = ["Central", "East", "West"]

TEAMS = [
    ("Central Family Safeguarding Team", Team.Kind.FAMILY_SAFEGUARDING, "Central"),
    ("East Family Safeguarding Team", Team.Kind.FAMILY_SAFEGUARDING, "East"),
    ("West Family Safeguarding Team", Team.Kind.FAMILY_SAFEGUARDING, "West"),
    ("Central Locality Team", Team.Kind.LOCALITY, "Central"),
    ("East Locality Team", Team.Kind.LOCALITY, "East"),
    ("West Locality Team", Team.Kind.LOCALITY, "West"),
    ("Jigsaw (disabled children's team)", Team.Kind.SPECIALIST, None),
    ("SEND Service", Team.Kind.SPECIALIST, None),
    ("Fostering Service", Team.Kind.SPECIALIST, None),
    ("Care Leavers Team", Team.Kind.SPECIALIST, None),
    ("Workforce Academy", Team.Kind.SUPPORT, None),
    ("Recruitment and Retention", Team.Kind.SUPPORT, None),
    ("Communications and Digital", Team.Kind.SUPPORT, None),
]

SW = "Social workers"
PRACTITIONERS = "Practitioners and recovery workers"
SEND = "SEND"
HOUSING = "Housing and benefits"
MANAGEMENT = "Management"
PSYCHOLOGY = "Psychology"

# The role families the service recruits for (public role pages and vacancy categories).
ROLE_FAMILIES = [
    (SW, "Newly qualified, experienced and senior social workers and advanced practitioners."),
    (
        PRACTITIONERS,
        "Adult mental health, alcohol and substance use, and domestic abuse practitioners "
        "working inside Family Safeguarding teams.",
    ),
    (SEND, "Roles supporting children and young people with special educational needs."),
    (HOUSING, "Advisers who help families with housing and benefits."),
    (MANAGEMENT, "From assistant team manager to director."),
    (PSYCHOLOGY, "Psychologists working alongside social workers and schools."),
]

# name, requires Social Work England registration, family
JOB_ROLES = [
    ("Newly qualified social worker", True, SW),
    ("Social worker", True, SW),
    ("Senior social worker", True, SW),
    ("Advanced practitioner", True, SW),
    ("Assistant team manager", True, MANAGEMENT),
    ("Team manager", True, MANAGEMENT),
    ("Service manager", True, MANAGEMENT),
    ("Head of service", False, MANAGEMENT),
    ("Supervising social worker (fostering)", True, SW),
    ("Adult mental health practitioner", False, PRACTITIONERS),
    ("Recovery worker (alcohol and substance use)", False, PRACTITIONERS),
    ("Domestic abuse practitioner", False, PRACTITIONERS),
    ("SEND casework officer", False, SEND),
    ("Family support worker", False, None),
    ("Educational psychologist", False, PSYCHOLOGY),
    ("Housing and benefits adviser", False, HOUSING),
    ("Learning and development officer", False, None),
    ("Recruitment adviser", False, None),
    ("Web content officer", False, None),
]

# email, first, last, roles, (job role, team, employment type) or None
PEOPLE = [
    ("candidate@demo.southamptonway.example", "Alex", "Morgan", [Role.CANDIDATE], None),
    ("enquirer@demo.southamptonway.example", "Sam", "Okafor", [Role.FOSTER_ENQUIRER], None),
    (
        "nqsw@demo.southamptonway.example",
        "Priya",
        "Shah",
        [Role.STAFF_MEMBER],
        ("Newly qualified social worker", "Central Family Safeguarding Team", "permanent"),
    ),
    (
        "agency.sw@demo.southamptonway.example",
        "Jordan",
        "Blake",
        [Role.STAFF_MEMBER],
        ("Social worker", "East Family Safeguarding Team", "agency"),
    ),
    (
        "manager@demo.southamptonway.example",
        "Helen",
        "Carter",
        [Role.STAFF_MEMBER, Role.LINE_MANAGER],
        ("Team manager", "Central Family Safeguarding Team", "permanent"),
    ),
    (
        "hiring@demo.southamptonway.example",
        "Marcus",
        "Reid",
        [Role.STAFF_MEMBER, Role.HIRING_MANAGER, Role.LINE_MANAGER],
        ("Service manager", "East Family Safeguarding Team", "permanent"),
    ),
    (
        "recruiter@demo.southamptonway.example",
        "Chloe",
        "Adams",
        [Role.STAFF_MEMBER, Role.RECRUITER],
        ("Recruitment adviser", "Recruitment and Retention", "permanent"),
    ),
    (
        "trainer@demo.southamptonway.example",
        "Daniel",
        "Price",
        [Role.STAFF_MEMBER, Role.TRAINER],
        ("Learning and development officer", "Workforce Academy", "permanent"),
    ),
    (
        "ld.lead@demo.southamptonway.example",
        "Fatima",
        "Hussain",
        [Role.STAFF_MEMBER, Role.LD_LEAD, Role.TRAINER],
        ("Learning and development officer", "Workforce Academy", "permanent"),
    ),
    (
        "fostering@demo.southamptonway.example",
        "Grace",
        "Turner",
        [Role.STAFF_MEMBER, Role.FOSTERING_TEAM],
        ("Supervising social worker (fostering)", "Fostering Service", "permanent"),
    ),
    (
        "editor@demo.southamptonway.example",
        "Tom",
        "Ellis",
        [Role.STAFF_MEMBER, Role.CONTENT_EDITOR],
        ("Web content officer", "Communications and Digital", "permanent"),
    ),
    (
        "workforce@demo.southamptonway.example",
        "Nadia",
        "Begum",
        [Role.STAFF_MEMBER, Role.WORKFORCE_LEAD],
        ("Recruitment adviser", "Recruitment and Retention", "permanent"),
    ),
    (
        "dcs@demo.southamptonway.example",
        "Robert",
        "Hale",
        [Role.STAFF_MEMBER, Role.DCS],
        ("Head of service", "Recruitment and Retention", "permanent"),
    ),
    (
        "chief.executive@demo.southamptonway.example",
        "Angela",
        "Moss",
        [Role.STAFF_MEMBER, Role.CHIEF_EXECUTIVE],
        ("Head of service", "Communications and Digital", "permanent"),
    ),
    (
        "admin@demo.southamptonway.example",
        "Ruth",
        "Osei",
        [Role.STAFF_MEMBER, Role.ADMINISTRATOR],
        ("Head of service", "Recruitment and Retention", "permanent"),
    ),
    # The early-career portfolio (issue 11): Priya's assessor, the programme coordinator,
    # a moderation panel member, an NQSW at month 11 and an agency NQSW.
    (
        "assessor@demo.southamptonway.example",
        "Nadia",
        "Okoro",
        [Role.STAFF_MEMBER, Role.ASYE_ASSESSOR],
        ("Advanced practitioner", "Central Family Safeguarding Team", "permanent"),
    ),
    (
        "coordinator@demo.southamptonway.example",
        "Owen",
        "Hughes",
        [Role.STAFF_MEMBER, Role.PROGRAMME_COORDINATOR],
        ("Learning and development officer", "Workforce Academy", "permanent"),
    ),
    (
        "panel@demo.southamptonway.example",
        "Margaret",
        "Lowe",
        [Role.STAFF_MEMBER, Role.MODERATION_PANEL],
        ("Advanced practitioner", "Jigsaw (disabled children's team)", "permanent"),
    ),
    (
        "nqsw.year@demo.southamptonway.example",
        "Ben",
        "Walsh",
        [Role.STAFF_MEMBER],
        ("Newly qualified social worker", "Central Locality Team", "permanent"),
    ),
    (
        "agency.nqsw@demo.southamptonway.example",
        "Kemi",
        "Adeyemi",
        [Role.STAFF_MEMBER],
        ("Newly qualified social worker", "East Family Safeguarding Team", "agency"),
    ),
]


def seed(log):
    localities = {name: LocalityFactory(name=name) for name in LOCALITIES}
    teams = {
        name: TeamFactory(name=name, kind=kind, locality=localities.get(locality))
        for name, kind, locality in TEAMS
    }
    families = {
        name: RoleFamily.objects.update_or_create(
            name=name, defaults={"summary": summary, "sort_order": n}
        )[0]
        for n, (name, summary) in enumerate(ROLE_FAMILIES)
    }
    job_roles = {
        name: JobRoleFactory(name=name, requires_swe_registration=swe, family=families.get(family))
        for name, swe, family in JOB_ROLES
    }
    managers = {}
    for n, (email, first, last, roles, staff) in enumerate(PEOPLE):
        user = UserFactory(email=email, first_name=first, last_name=last, roles=roles)
        if roles and set(roles) & MFA_REQUIRED_ROLES:
            _ensure_totp(user)
        if staff:
            job_role, team, employment_type = staff
            registered = job_roles[job_role].requires_swe_registration
            StaffProfileFactory(
                user=user,
                job_role=job_roles[job_role],
                team=teams[team],
                employment_type=EmploymentType(employment_type),
                start_date=datetime.date(2021, 4, 1) + datetime.timedelta(days=97 * n),
                swe_registration_number=f"SW{204310 + n}" if registered else "",
                swe_renewal_date=datetime.date(2026, 11, 30) if registered else None,
                is_nqsw_first_year=job_role == "Newly qualified social worker",
                line_manager=managers.get(team),
            )
            if Role.LINE_MANAGER in roles:
                managers[team] = user
    log(f"  {len(PEOPLE)} demo users (password: {DEMO_PASSWORD})")


def _ensure_totp(user):
    """Give privileged demo users a TOTP device; in development the code 123456 passes."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, generate_totp_secret())
