"""Demo vacancies across every role family, locality and employment type, and applications
at every stage of the pipeline. Idempotent: vacancies are keyed by reference and
applications by (vacancy, candidate)."""

import datetime

from django.utils import timezone

from accounts.factories import UserFactory
from accounts.models import EmploymentType, JobRole, Locality, RoleFamily, Team, User
from vacancies.factories import ApplicationFactory, VacancyPageFactory, vacancy_index
from vacancies.models import Application, ApplicationStatus, InterviewSlot, VacancyPage
from vacancies.models.applications import CheckStatus
from vacancies.models.pages import WorkingPattern

DOMAIN = "demo.southamptonway.example"
S = ApplicationStatus

# title, job role, team, employment type, pattern, salary from, salary to, grade, summary
ROLES = [
    (
        "Newly qualified social worker",
        "Newly qualified social worker",
        "Family Safeguarding",
        "permanent",
        "full_time",
        33900,
        35700,
        "Grade 8",
        "Start your career with a protected caseload, weekly supervision and our ASYE programme.",
    ),
    (
        "Social worker",
        "Social worker",
        "Family Safeguarding",
        "permanent",
        "full_time",
        36900,
        41500,
        "Grade 9",
        "Work beside adult mental health, recovery and domestic abuse specialists in one team.",
    ),
    (
        "Senior social worker",
        "Senior social worker",
        "Locality",
        "permanent",
        "full_time",
        41500,
        45500,
        "Grade 10",
        "Hold complex work, mentor newer colleagues and help shape locality practice.",
    ),
    (
        "Advanced practitioner",
        "Advanced practitioner",
        "Locality",
        "permanent",
        "flexible",
        46000,
        49700,
        "Grade 11",
        "Lead on practice quality: audits, reflective groups and the hardest cases.",
    ),
    (
        "Locum social worker",
        "Social worker",
        "Family Safeguarding",
        "agency",
        "full_time",
        38000,
        44000,
        "Agency rate within the regional cap",
        "A six-month assignment for an experienced child and family social worker.",
    ),
    (
        "Adult mental health practitioner",
        "Adult mental health practitioner",
        "Family Safeguarding",
        "permanent",
        "full_time",
        36900,
        41500,
        "Grade 9",
        "Help parents with their mental health so children can stay safely at home.",
    ),
    (
        "Recovery worker (alcohol and substance use)",
        "Recovery worker (alcohol and substance use)",
        "Family Safeguarding",
        "fixed_term",
        "full_time",
        29800,
        33000,
        "Grade 7",
        "Support parents in recovery as part of a Family Safeguarding team.",
    ),
    (
        "Domestic abuse practitioner",
        "Domestic abuse practitioner",
        "Family Safeguarding",
        "permanent",
        "part_time",
        29800,
        33000,
        "Grade 7",
        "Work with survivors and with people who harm to keep children safe.",
    ),
    (
        "Assistant team manager",
        "Assistant team manager",
        "Locality",
        "permanent",
        "full_time",
        46000,
        49700,
        "Grade 11",
        "Supervise a small group of social workers and chair key decisions.",
    ),
    (
        "Team manager",
        "Team manager",
        "Family Safeguarding",
        "permanent",
        "full_time",
        52800,
        56900,
        "Grade 12",
        "Lead a Family Safeguarding team with high support and high challenge.",
    ),
    (
        "Service manager",
        "Service manager",
        "Locality",
        "permanent",
        "full_time",
        61400,
        66100,
        "Grade 13",
        "Oversee locality services and drive practice improvement.",
    ),
    (
        "SEND casework officer",
        "SEND casework officer",
        "SEND Service",
        "permanent",
        "full_time",
        29800,
        33000,
        "Grade 7",
        "Coordinate education, health and care plans with families and schools.",
    ),
    (
        "Educational psychologist",
        "Educational psychologist",
        "SEND Service",
        "permanent",
        "compressed",
        48200,
        62500,
        "Soulbury scale",
        "Bring psychology to schools, families and social workers across the city.",
    ),
    (
        "Housing and benefits adviser",
        "Housing and benefits adviser",
        "Care Leavers Team",
        "secondment",
        "job_share",
        27300,
        29800,
        "Grade 6",
        "Help care leavers and families secure homes and the income they are entitled to.",
    ),
    (
        "Student social worker placement",
        "Social worker",
        "Jigsaw (disabled children's team)",
        "student",
        "full_time",
        0,
        0,
        "Bursary",
        "A final-year placement with our disabled children's team, Jigsaw.",
    ),
]
TEAM_FOR = {
    "Family Safeguarding": [
        "Central Family Safeguarding Team",
        "East Family Safeguarding Team",
        "West Family Safeguarding Team",
    ],
    "Locality": ["Central Locality Team", "East Locality Team", "West Locality Team"],
}

CANDIDATES = [
    ("candidate@" + DOMAIN, "Alex", "Morgan"),
    ("jamie.fletcher@" + DOMAIN, "Jamie", "Fletcher"),
    ("olivia.grant@" + DOMAIN, "Olivia", "Grant"),
    ("noah.bennett@" + DOMAIN, "Noah", "Bennett"),
    ("aisha.rahman@" + DOMAIN, "Aisha", "Rahman"),
    ("ben.walsh@" + DOMAIN, "Ben", "Walsh"),
    ("zoe.kaur@" + DOMAIN, "Zoe", "Kaur"),
]

PATHS = {
    S.SUBMITTED: [],
    S.SHORTLISTED: [S.SHORTLISTED],
    S.NOT_SHORTLISTED: [S.NOT_SHORTLISTED],
    S.INTERVIEW: [S.SHORTLISTED, S.INTERVIEW],
    S.UNSUCCESSFUL: [S.SHORTLISTED, S.INTERVIEW, S.UNSUCCESSFUL],
    S.CONDITIONAL_OFFER: [S.SHORTLISTED, S.INTERVIEW, S.CONDITIONAL_OFFER],
    S.OFFER_DECLINED: [S.SHORTLISTED, S.INTERVIEW, S.CONDITIONAL_OFFER, S.OFFER_DECLINED],
    S.CHECKS: [S.SHORTLISTED, S.INTERVIEW, S.CONDITIONAL_OFFER, S.CHECKS],
    S.CLEARED: [S.SHORTLISTED, S.INTERVIEW, S.CONDITIONAL_OFFER, S.CHECKS, S.CLEARED],
    S.HIRED: [S.SHORTLISTED, S.INTERVIEW, S.CONDITIONAL_OFFER, S.CHECKS, S.CLEARED, S.HIRED],
    S.WITHDRAWN: [S.WITHDRAWN],
}


def _vacancy_specs():
    localities = list(Locality.objects.order_by("name"))
    specs = []
    n = 0
    for round_ in range(3):
        for role in ROLES:
            if len(specs) >= 40:
                break
            title, job_role, team_key, employment, pattern, low, high, grade, summary = role
            teams = TEAM_FOR.get(team_key, [team_key])
            team_name = teams[round_ % len(teams)]
            n += 1
            specs.append(
                {
                    "n": n,
                    "title": title,
                    "job_role": job_role,
                    "team": team_name,
                    "employment_type": employment,
                    "pattern": pattern,
                    "low": low + 600 * round_,
                    "high": high + 600 * round_,
                    "grade": grade,
                    "summary": summary,
                    "locality": localities[(n + round_) % len(localities)] if localities else None,
                }
            )
    return specs


def _description(spec, team):
    return (
        f"<h2>About the role</h2><p>{spec['summary']} You will join {team.name}, where "
        "relationship-based practice, Motivational Interviewing and the Restorative Approach "
        "shape how we work with families: with them, not to them.</p>"
        "<h2>What we offer</h2><ul><li>Caseloads that average around 18</li>"
        "<li>Regular reflective supervision</li><li>The full workforce academy training offer, "
        "open to permanent and agency staff alike</li></ul>"
        "<h2>Safer recruitment</h2><p>This post needs an enhanced DBS check with the "
        "children's barred list, two satisfactory references and proof of your right to "
        "work.</p>"
    )


def seed(log):
    index = vacancy_index()
    hiring = User.objects.filter(email="hiring@" + DOMAIN).first()
    now = timezone.now()
    created = 0
    for spec in _vacancy_specs():
        reference = f"SCC-CS-{2600 + spec['n']}"
        if VacancyPage.objects.filter(reference=reference).exists():
            continue
        team = Team.objects.get(name=spec["team"])
        job_role = JobRole.objects.get(name=spec["job_role"])
        family = job_role.family or RoleFamily.objects.order_by("sort_order").first()
        closed = spec["n"] % 8 == 0  # a handful closed, so listings and sitemaps drop them
        closes_at = (
            now - datetime.timedelta(days=10 + spec["n"])
            if closed
            else now + datetime.timedelta(days=3 + (spec["n"] * 5) % 40)
        )
        closes_at = closes_at.replace(hour=23, minute=59, second=0, microsecond=0)
        locality = team.locality or spec["locality"]
        title = spec["title"] + (f", {team.name}" if "Team" in team.name else "")
        VacancyPageFactory(
            parent=index,
            title=title,
            slug=f"{reference.lower()}",
            reference=reference,
            role_family=family,
            job_role=job_role,
            team=team,
            locality=locality,
            employment_type=EmploymentType(spec["employment_type"]),
            working_pattern=WorkingPattern(spec["pattern"]),
            hours_per_week=37 if spec["pattern"] != "part_time" else 22.5,
            salary_min=spec["low"],
            salary_max=spec["high"],
            grade=spec["grade"],
            closes_at=closes_at,
            interview_date=(closes_at + datetime.timedelta(days=10)).date(),
            requires_swe_registration=job_role.requires_swe_registration,
            summary=spec["summary"],
            description=_description(spec, team),
            contact_name="Recruitment and Retention team",
            contact_email="recruitment@southamptonway.example",
            hiring_manager=hiring if spec["n"] % 3 == 1 else None,
            published_at=now - datetime.timedelta(days=(spec["n"] * 3) % 30 + 1),
        )
        created += 1
    log(f"  {created} vacancies (of {VacancyPage.objects.count()})")
    _seed_applications(log, hiring)


def _seed_applications(log, hiring):
    from django.contrib.auth.models import Group

    from vacancies.services.applications import withdraw_application
    from vacancies.services.checks import record_check
    from vacancies.services.hire import hire
    from vacancies.services.transitions import transition

    recruiter = User.objects.filter(email="recruiter@" + DOMAIN).first()
    candidates = []
    for email, first, last in CANDIDATES:
        user = UserFactory(email=email, first_name=first, last_name=last, roles=["candidate"])
        user.groups.add(Group.objects.get(name="candidate"))
        candidates.append(user)
    now = timezone.now()
    managed = list(
        VacancyPage.objects.filter(hiring_manager=hiring, closes_at__gt=now).order_by("reference")
    )
    closed = list(VacancyPage.objects.filter(closes_at__lte=now).order_by("reference"))
    if not managed or recruiter is None:
        return
    # Every stage of the pipeline, spread over the hiring manager's open vacancies and one
    # closed one, so each screen has something to show.
    plan = [
        (managed[0], candidates[1], S.SUBMITTED),
        (managed[0], candidates[2], S.SUBMITTED),
        (managed[0], candidates[3], S.SHORTLISTED),
        (managed[0], candidates[4], S.NOT_SHORTLISTED),
        (managed[1 % len(managed)], candidates[0], S.INTERVIEW),
        (managed[1 % len(managed)], candidates[5], S.UNSUCCESSFUL),
        (managed[1 % len(managed)], candidates[6], S.CONDITIONAL_OFFER),
        (managed[2 % len(managed)], candidates[2], S.CHECKS),
        (managed[2 % len(managed)], candidates[3], S.OFFER_DECLINED),
        (managed[2 % len(managed)], candidates[4], S.WITHDRAWN),
        (managed[3 % len(managed)], candidates[5], S.CLEARED),
        (managed[3 % len(managed)], candidates[0], S.SUBMITTED),
    ]
    if closed:
        plan.append((closed[0], candidates[6], S.HIRED))
    made = 0
    for vacancy, candidate, status in plan:
        if Application.objects.filter(vacancy=vacancy, candidate=candidate).exists():
            continue
        application = ApplicationFactory(
            vacancy=vacancy,
            candidate=candidate,
            submitted_at=now - datetime.timedelta(days=20),
            swe_registration_number="SW3" + f"{candidate.pk:05d}"[-5:],
        )
        from vacancies.models import ApplicationStatusChange

        ApplicationStatusChange.objects.create(
            application=application,
            from_status=S.DRAFT,
            to_status=S.SUBMITTED,
            by=candidate,
            at=application.submitted_at,
        )
        for step in PATHS[status]:
            if step == S.CLEARED:
                for check in application.checks.all():
                    if check.required:
                        record_check(
                            check,
                            status=CheckStatus.SATISFACTORY,
                            checked_on=now.date(),
                            note="Seen and recorded",
                            by=recruiter,
                        )
            if step == S.HIRED:
                hire(
                    application, by=recruiter, start_date=(now + datetime.timedelta(days=30)).date()
                )
            elif step == S.WITHDRAWN:
                withdraw_application(application, user=candidate, reason="another_job")
            else:
                transition(application, step, by=recruiter, note="Demo pipeline step")
        if status == S.INTERVIEW:
            start = now + datetime.timedelta(days=12)
            start = start.replace(hour=10, minute=0, second=0, microsecond=0)
            for hour in range(3):
                InterviewSlot.objects.get_or_create(
                    vacancy=vacancy,
                    starts_at=start + datetime.timedelta(hours=hour),
                    defaults={
                        "ends_at": start + datetime.timedelta(hours=hour, minutes=50),
                        "location": "Civic Centre, Southampton SO14 7LY, room 2.14",
                    },
                )
        made += 1
    # A draft in progress for the demo candidate.
    draft_vacancy = managed[4 % len(managed)]
    if not Application.objects.filter(vacancy=draft_vacancy, candidate=candidates[0]).exists():
        Application.objects.create(
            vacancy=draft_vacancy,
            candidate=candidates[0],
            first_name=candidates[0].first_name,
            last_name=candidates[0].last_name,
            email=candidates[0].email,
            steps_done=["personal-details"],
        )
    log(f"  {made} applications across the pipeline; demo candidates: {len(candidates)}")
