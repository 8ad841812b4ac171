"""Demo academy: a catalogue of about twenty courses, programmes held as data, and a year
of sessions with bookings, waiting lists and registers. Idempotent."""

import datetime
import random

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from accounts.factories import StaffProfileFactory, UserFactory
from accounts.models import EmploymentType, JobRole, StaffProfile, Team, User
from core.booking import HOLDS_PLACE, BookingStatus

from .dashboard import take_compliance_snapshot
from .demo_checks import PRACTICE_FRAMEWORK_CHECKS, add_practice_framework_checks
from .factories import academy_index
from .models import (
    Booking,
    CheckAttempt,
    Completion,
    ComplianceSnapshot,
    CourseCategory,
    CourseFormat,
    CoursePage,
    ELearningModulePage,
    KssArea,
    MandatoryRule,
    ModuleProgress,
    PcfDomain,
    PracticeStrand,
    Programme,
    ProgrammeStep,
    TrainingSession,
)
from .reference_data import ensure_reference_data
from .services.attendance import draft_cpd_entry
from .services.enrolment import enrol_profile

DEMO = "@demo.southamptonway.example"
SW_ROLES = [
    "Newly qualified social worker",
    "Social worker",
    "Senior social worker",
    "Advanced practitioner",
]
MANAGERS = ["Assistant team manager", "Team manager", "Service manager", "Head of service"]
FSM_ROLES = SW_ROLES + [
    "Adult mental health practitioner",
    "Recovery worker (alcohol and substance use)",
    "Domestic abuse practitioner",
]

# slug: (title, format, duration, cpd hours, strand, categories, audience roles,
#        mandatory (roles or "all" or "nqsw"), renewal months, prerequisites, PCF, KSS,
#        summary, outcomes)
COURSES = {
    "corporate-induction": (
        "Welcome to Southampton children's services",
        CourseFormat.BLENDED,
        "2 days",
        12,
        None,
        ["Induction"],
        [],
        "all",
        None,
        [],
        [0, 1, 7],
        [9],
        "Your first fortnight: how the service is organised, the Southampton Way, our "
        "systems and the people you will work alongside.",
        [
            "How the localities and specialist teams fit together",
            "The vision, principles and behaviours of the Southampton Way",
            "Where to find policies, procedures and support",
        ],
    ),
    "asye-induction": (
        "ASYE induction: your assessed and supported year",
        CourseFormat.IN_PERSON,
        "1 day",
        6,
        None,
        ["Newly qualified and early career"],
        ["Newly qualified social worker"],
        "nqsw",
        None,
        [],
        [0, 5],
        [8, 9],
        "What the year looks like, how you will be assessed against the Professional "
        "Capabilities Framework, and the support you can count on.",
        [
            "How the protected caseload and supervision work",
            "How evidence for your portfolio is gathered",
            "What happens at the 3, 6 and 12 month reviews",
        ],
    ),
    "reflective-portfolio": (
        "Building a reflective ASYE portfolio",
        CourseFormat.ONLINE_LIVE,
        "3 hours",
        3,
        None,
        ["Newly qualified and early career"],
        ["Newly qualified social worker"],
        None,
        None,
        ["asye-induction"],
        [5],
        [8],
        "Practical ways to turn everyday casework into reflective evidence.",
        [
            "Writing critical reflections that show your thinking",
            "Linking evidence to the nine PCF domains",
        ],
    ),
    "assessment-writing": (
        "Writing assessments children and families can read",
        CourseFormat.IN_PERSON,
        "1 day",
        6,
        None,
        ["Newly qualified and early career", "Safeguarding"],
        SW_ROLES,
        None,
        None,
        [],
        [4, 5, 6],
        [5, 6],
        "Clear, analytical assessments that say what is happening, why it matters and "
        "what should change.",
        ["Moving from description to analysis", "Writing plainly for children, parents and courts"],
    ),
    "trauma-informed-practice": (
        "Trauma-Informed Practice: foundations",
        CourseFormat.IN_PERSON,
        "1 day",
        6,
        "Trauma-Informed Practice",
        ["Practice framework"],
        [],
        "all",
        None,
        [],
        [1, 4, 6],
        [0, 2],
        "How early adversity affects children and adults, and how to work in ways that feel safe.",
        [
            "The effects of trauma on development and behaviour",
            "Practical ways to reduce re-traumatising families",
        ],
    ),
    "motivational-interviewing": (
        "Motivational Interviewing: core skills",
        CourseFormat.IN_PERSON,
        "2 days",
        12,
        "Motivational Interviewing",
        ["Practice framework", "Family Safeguarding Model"],
        FSM_ROLES,
        [*SW_ROLES, "Adult mental health practitioner"],
        None,
        [],
        [6],
        [0, 1],
        "Open questions, affirmations, reflections and summaries: conversations that help "
        "parents find their own reasons to change.",
        ["The spirit of Motivational Interviewing", "Recognising and strengthening change talk"],
    ),
    "motivational-interviewing-advanced": (
        "Motivational Interviewing: deepening practice",
        CourseFormat.ONLINE_LIVE,
        "3 × 2 hours",
        6,
        "Motivational Interviewing",
        ["Practice framework", "Family Safeguarding Model"],
        FSM_ROLES,
        None,
        None,
        ["motivational-interviewing"],
        [6, 5],
        [0],
        "Recorded practice, coding and feedback for people who have done the core skills.",
        ["Using feedback on recorded practice", "Working with discord"],
    ),
    "restorative-approach": (
        "The Restorative Approach: high support, high challenge",
        CourseFormat.IN_PERSON,
        "1 day",
        6,
        "Restorative Approach",
        ["Practice framework"],
        [],
        None,
        None,
        [],
        [1, 2],
        [0],
        "Working with families rather than doing things to them or for them.",
        ["The social discipline window", "Restorative conversations in practice"],
    ),
    "strengthening-families": (
        "Strengthening Families conferences and plans",
        CourseFormat.IN_PERSON,
        "1 day",
        6,
        "Strengthening Families",
        ["Practice framework", "Safeguarding"],
        SW_ROLES + MANAGERS,
        None,
        None,
        [],
        [6, 7],
        [5, 6],
        "How the Strengthening Families framework shapes conferences and plans.",
        ["Mapping worries, strengths and safety goals", "Writing plans families recognise"],
    ),
    "practice-framework-e-learning": (
        "The Southampton Way practice framework (e-learning)",
        CourseFormat.E_LEARNING,
        "About 90 minutes",
        1.5,
        None,
        ["Practice framework", "Induction"],
        [],
        "all",
        36,
        [],
        [1, 4],
        [0],
        "A short introduction, then one module for each of the four practice approaches "
        "and how they fit together. Do them at your own pace; renew every three years.",
        ["The four practice approaches", "The practice qualities we expect"],
    ),
    "systemic-practice": (
        "Systemic practice: thinking in relationships",
        CourseFormat.BLENDED,
        "4 half days",
        12,
        "Systemic practice",
        ["Practice framework"],
        SW_ROLES + MANAGERS,
        None,
        None,
        ["practice-framework-e-learning"],
        [5, 6],
        [0, 8],
        "Genograms, circular questions and hypothesising, as the systemic model is rolled "
        "out across teams.",
        ["Using genograms with families", "Forming and testing hypotheses"],
    ),
    "family-safeguarding-model": (
        "The Family Safeguarding Model in practice",
        CourseFormat.IN_PERSON,
        "2 days",
        12,
        None,
        ["Family Safeguarding Model"],
        FSM_ROLES,
        FSM_ROLES,
        None,
        [],
        [7, 8],
        [3, 5],
        "How social workers and adult specialists work together in one team to keep "
        "families together where it is safe.",
        ["Group case supervision", "Joint working with adult specialists"],
    ),
    "safeguarding-level-3": (
        "Safeguarding children: level 3",
        CourseFormat.IN_PERSON,
        "1 day",
        6,
        None,
        ["Safeguarding"],
        [],
        "all",
        36,
        [],
        [4, 7],
        [4, 7],
        "Recognising and responding to abuse and neglect, and working with partners.",
        [
            "Thresholds and the local safeguarding partnership's procedures",
            "Recording and sharing information",
        ],
    ),
    "domestic-abuse": (
        "Domestic abuse: assessing risk and working safely",
        CourseFormat.ONLINE_LIVE,
        "3 hours",
        3,
        None,
        ["Safeguarding", "Family Safeguarding Model"],
        FSM_ROLES,
        None,
        24,
        [],
        [4, 6],
        [3],
        "Coercive control, risk assessment and safety planning with families.",
        ["Recognising coercive control", "Planning safety with the non-abusing parent"],
    ),
    "exploitation": (
        "Child exploitation and contextual safeguarding",
        CourseFormat.ONLINE_LIVE,
        "3 hours",
        3,
        None,
        ["Safeguarding"],
        SW_ROLES,
        None,
        None,
        [],
        [4, 7],
        [4],
        "Risks outside the home and how to respond with partners.",
        ["Spotting signs of criminal and sexual exploitation", "Mapping peer groups and places"],
    ),
    "court-skills": (
        "Court skills and giving evidence",
        CourseFormat.IN_PERSON,
        "1 day",
        6,
        None,
        ["Law and court skills"],
        SW_ROLES,
        None,
        None,
        ["assessment-writing"],
        [3, 4],
        [7],
        "Preparing statements and giving evidence with confidence.",
        ["Writing a clear statement", "Being cross-examined"],
    ),
    "supervision-skills": (
        "Reflective supervision for supervisors",
        CourseFormat.IN_PERSON,
        "2 days",
        12,
        None,
        ["Supervision", "Management and leadership"],
        MANAGERS,
        MANAGERS,
        None,
        [],
        [5, 8],
        [8],
        "Supervision that supports, challenges and generates ideas about change.",
        ["A reflective supervision model", "Recording management oversight"],
    ),
    "using-supervision": (
        "Making the most of your supervision",
        CourseFormat.ONLINE_LIVE,
        "2 hours",
        2,
        None,
        ["Supervision", "Newly qualified and early career"],
        SW_ROLES,
        None,
        None,
        [],
        [5],
        [8],
        "How to prepare for supervision and use it to think, not just to report.",
        ["Preparing an agenda", "Asking for the support you need"],
    ),
    "first-line-managers": (
        "Leading a team: first-line managers' programme",
        CourseFormat.BLENDED,
        "6 days over 6 months",
        36,
        None,
        ["Management and leadership"],
        MANAGERS,
        None,
        None,
        ["supervision-skills"],
        [8, 7],
        [9],
        "Performance, wellbeing, quality assurance and leading practice.",
        ["Using audits to improve practice", "Looking after your team's wellbeing"],
    ),
    "quality-assurance": (
        "Auditing practice well",
        CourseFormat.ONLINE_LIVE,
        "3 hours",
        3,
        None,
        ["Management and leadership"],
        MANAGERS + ["Advanced practitioner"],
        None,
        None,
        [],
        [8, 5],
        [9],
        "Audits that improve children's experiences, not just check compliance.",
        ["Auditing with the practitioner", "Turning findings into learning"],
    ),
}

ELEARNING_MODULES = [
    (
        "Why a practice framework?",
        "Every child in Southampton deserves the same quality of help, whichever team "
        "they meet. A shared framework gives us one language for relationship-based, "
        "strengths-based work, and the practice qualities we look for in supervision "
        "and audit: evidence-based, self-reflective, confident in holding risk.",
        "Think of a family you know. What would a shared way of working have changed?",
    ),
    (
        "Trauma-Informed Practice",
        "Many of the children and parents we meet have lived through frightening, "
        "repeated harm. Seeing behaviour through that lens changes the question from "
        "what is wrong with someone to what has happened to them, and shapes how we "
        "build safety and trust before we ask for change.",
        "Which behaviour that worried you recently might be a response to past harm?",
    ),
    (
        "Motivational Interviewing",
        "People change more readily when they hear themselves make the case for it. "
        "Open questions, affirmations, reflective listening and summaries help a parent "
        "move from ambivalence to a plan they own.",
        "Rewrite one closed question you asked this week as an open one.",
    ),
    (
        "Restorative Approach",
        "High support with high challenge: doing things with families, not to them or "
        "for them. Restorative conversations repair harm and keep relationships working "
        "when we have to say difficult things.",
        "When did you last name a strength before naming a worry?",
    ),
    (
        "Strengthening Families",
        "Worries, strengths and safety goals, mapped with the family and its network at "
        "conferences and in plans, so that everyone can see what needs to change and "
        "the plan belongs to the family.",
        "Which part of the family's network have you not yet spoken to?",
    ),
]

PROGRAMMES = [
    (
        "Assessed and Supported Year in Employment (ASYE)",
        Programme.Enrols.NEWLY_QUALIFIED,
        True,
        12,
        "The first year in practice for newly qualified social workers: a protected "
        "caseload, regular supervision, core courses and reviews at 3, 6 and 12 months.",
        [
            ("course", "ASYE induction", "asye-induction", 1, None),
            ("supervision", "Supervision with your ASYE assessor", None, 1, 2),
            (
                "course",
                "The practice framework e-learning",
                "practice-framework-e-learning",
                2,
                None,
            ),
            ("course", "Making the most of your supervision", "using-supervision", 3, None),
            ("course", "Assessment writing", "assessment-writing", 6, None),
            ("review", "Three-month review", None, 13, None),
            ("course", "Building a reflective portfolio", "reflective-portfolio", 16, None),
            ("review", "Six-month review", None, 26, None),
            ("course", "Court skills", "court-skills", 34, None),
            ("review", "Final review and assessment", None, 52, None),
        ],
    ),
    (
        "Early Career Development Programme",
        Programme.Enrols.NEWLY_QUALIFIED,
        False,
        24,
        "The two-year programme that replaces the ASYE from September 2027, built on the "
        "child and family social worker early career standards. Switch it on (and switch "
        "the ASYE off) when it starts.",
        [
            ("course", "Early career induction", "asye-induction", 1, None),
            ("supervision", "Supervision with your early career mentor", None, 1, 2),
            ("review", "Six-month progress review", None, 26, None),
            ("review", "End of year one review", None, 52, None),
            ("review", "Final assessment against the early career standards", None, 104, None),
        ],
    ),
    (
        "Corporate induction",
        Programme.Enrols.EVERY_NEW_STARTER,
        True,
        3,
        "Everyone's first three months, permanent and agency alike.",
        [
            (
                "course",
                "Welcome to Southampton children's services",
                "corporate-induction",
                1,
                None,
            ),
            (
                "course",
                "The practice framework e-learning",
                "practice-framework-e-learning",
                2,
                None,
            ),
            ("course", "Safeguarding children: level 3", "safeguarding-level-3", 8, None),
            ("milestone", "Probation review with your manager", None, 12, None),
        ],
    ),
    (
        "Management development",
        "",
        True,
        12,
        "For new assistant team managers and team managers.",
        [
            ("course", "Reflective supervision for supervisors", "supervision-skills", 4, None),
            ("course", "Auditing practice well", "quality-assurance", 12, None),
            ("course", "Leading a team", "first-line-managers", 20, None),
            ("review", "Development review with your head of service", None, 52, None),
        ],
    ),
]

EXTRA_STAFF = 48


def seed(log):
    ensure_reference_data()
    index = academy_index()
    if not index.intro or "grow our own" not in index.intro:
        index.title = "Workforce academy"
        index.intro = (
            "<p>We grow our own: a quarter of our social workers are in their first two "
            "years. Every course here is open to permanent and agency staff alike.</p>"
        )
        index.seo_title = "Workforce academy: training for children's services staff"
        index.search_description = (
            "Courses, programmes and practice framework training for Southampton "
            "children's services staff."
        )
        index.save_revision().publish()
    courses = _courses(index)
    _programmes(courses)
    people = _extra_staff()
    for profile in StaffProfile.objects.select_related("user"):
        enrol_profile(profile)
    if not TrainingSession.objects.exists():
        _sessions(courses, people)
    if not ComplianceSnapshot.objects.exists():
        # A year of monthly snapshots, so the dashboard's trend has a history to show.
        today = timezone.localdate()
        for months_ago in range(11, -1, -1):
            take_compliance_snapshot(today - relativedelta(months=months_ago))
    log(
        f"  {len(courses)} courses, {TrainingSession.objects.count()} sessions, "
        f"{Booking.objects.count()} bookings"
    )


def _courses(index):
    roles = {r.name: r for r in JobRole.objects.all()}
    strands = {s.name: s for s in PracticeStrand.objects.all()}
    categories = {c.name: c for c in CourseCategory.objects.all()}
    pcf = list(PcfDomain.objects.order_by("sort_order"))
    kss = list(KssArea.objects.order_by("sort_order"))
    courses = {}
    for slug, spec in COURSES.items():
        (
            title,
            fmt,
            duration,
            cpd,
            strand,
            cats,
            audience,
            mandatory,
            renewal,
            _pre,
            pcf_ids,
            kss_ids,
            summary,
            outcomes,
        ) = spec
        course = CoursePage.objects.filter(slug=slug).first()
        if course is None:
            course = CoursePage(
                title=title,
                slug=slug,
                format=fmt,
                duration=duration,
                cpd_hours=cpd,
                summary=summary,
                learning_outcomes="<ul>" + "".join(f"<li>{o}</li>" for o in outcomes) + "</ul>",
                practice_strand=strands.get(strand),
                renewal_months=renewal,
            )
            course.audience_job_roles = [roles[n] for n in audience if n in roles]
            course.pcf_domains = [pcf[i] for i in pcf_ids]
            course.kss_areas = [kss[i] for i in kss_ids]
            course.categories = [categories[c] for c in cats]
            if mandatory == "all":
                course.mandatory_rules = [MandatoryRule(due_within_days=90)]
            elif mandatory == "nqsw":
                course.mandatory_rules = [
                    MandatoryRule(newly_qualified_only=True, due_within_days=30)
                ]
            elif mandatory:
                course.mandatory_rules = [
                    MandatoryRule(job_role=roles[n], due_within_days=180)
                    for n in mandatory
                    if n in roles
                ]
            index.add_child(instance=course)
            course.save_revision().publish()
        courses[slug] = course
    for slug, spec in COURSES.items():
        prerequisites = spec[9]
        course = courses[slug]
        if prerequisites and not course.prerequisites.exists():
            course.prerequisites = [courses[p] for p in prerequisites]
            course.save_revision().publish()
    elearning = courses["practice-framework-e-learning"]
    if not elearning.get_children().exists():
        for n, (title, text, prompt) in enumerate(ELEARNING_MODULES, start=1):
            elearning.add_child(
                instance=ELearningModulePage(
                    title=title,
                    slug=f"module-{n}",
                    introduction=text.split(". ")[0] + ".",
                    body=f"<p>{text}</p>",
                    reflection_prompt=prompt,
                    check_questions=PRACTICE_FRAMEWORK_CHECKS[title],
                    questions_per_attempt=4,
                    pass_mark=75,
                )
            )
    add_practice_framework_checks(elearning)
    return courses


def _programmes(courses):
    for name, enrols, active, months, summary, steps in PROGRAMMES:
        programme, created = Programme.objects.get_or_create(
            name=name,
            defaults={
                "auto_enrol": enrols,
                "is_active": active,
                "duration_months": months,
                "summary": summary,
            },
        )
        if created:
            for n, (kind, title, course, week, repeat) in enumerate(steps):
                ProgrammeStep.objects.create(
                    programme=programme,
                    sort_order=n,
                    kind=kind,
                    title=title,
                    course=courses.get(course),
                    due_week=week,
                    repeat_every_weeks=repeat,
                )


def _extra_staff():
    """Enough colleagues to fill sessions believably (demo only)."""
    rng = random.Random(2026)
    teams = list(Team.objects.exclude(kind=Team.Kind.SUPPORT))
    roles = list(JobRole.objects.filter(name__in=FSM_ROLES + MANAGERS[:2]))
    managers = {
        p.team_id: p.user for p in StaffProfile.objects.filter(user__email__startswith="manager@")
    }
    people = []
    for n in range(EXTRA_STAFF):
        email = f"colleague{n:02d}{DEMO}"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = UserFactory(email=email, roles=["staff member"])
            role = rng.choice(roles)
            team = rng.choice(teams)
            StaffProfileFactory(
                user=user,
                job_role=role,
                team=team,
                employment_type=rng.choice(
                    [EmploymentType.PERMANENT] * 7
                    + [EmploymentType.AGENCY] * 2
                    + [EmploymentType.FIXED_TERM]
                ),
                start_date=datetime.date(2024, 1, 8) + datetime.timedelta(days=rng.randint(0, 900)),
                swe_registration_number=f"SW{300000 + n}" if role.requires_swe_registration else "",
                is_nqsw_first_year=role.name == "Newly qualified social worker",
                line_manager=managers.get(team.pk),
            )
        people.append(user)
    return people


def _sessions(courses, people):
    rng = random.Random(22)
    now = timezone.now()
    trainers = list(User.objects.filter(email__in=[f"trainer{DEMO}", f"ld.lead{DEMO}"]))
    named = {
        u.email.split("@")[0]: u
        for u in User.objects.filter(
            email__in=[f"{n}{DEMO}" for n in ("nqsw", "agency.sw", "manager")]
        )
    }
    first = timezone.localtime(now).replace(hour=9, minute=30, second=0, microsecond=0)
    for n, (slug, course) in enumerate(courses.items()):
        if course.format == CourseFormat.E_LEARNING:
            continue
        online = course.format == CourseFormat.ONLINE_LIVE
        offset = -150 + (n * 11) % 40
        while offset < 215:
            starts = first + datetime.timedelta(days=offset)
            while starts.weekday() >= 5:
                starts += datetime.timedelta(days=1)
            if online:
                starts = starts.replace(hour=13, minute=30)
            session = TrainingSession.objects.create(
                course=course,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=3 if online else 6),
                capacity=rng.choice([8, 12, 16, 20]),
                venue=""
                if online
                else rng.choice(
                    [
                        "Civic Centre, Southampton",
                        "Oakley Road training room",
                        "Marlands House, room 2",
                    ]
                ),
                online_link="https://meet.southamptonway.example/academy-" + slug if online else "",
                trainer=trainers[n % len(trainers)] if trainers else None,
                needs_approval=slug in {"first-line-managers", "systemic-practice"},
            )
            _fill(session, people, named, rng, now)
            offset += rng.choice([35, 42, 49, 56])
    _showcase(named, now)
    _elearning_history(courses["practice-framework-e-learning"], people, named, rng)


def _elearning_history(course, people, named, rng):
    """Most colleagues finished the practice framework e-learning soon after starting;
    the demo's agency social worker's completion has lapsed (overdue, to be renewed) and
    the team manager's is inside its renewal window, so both states are on show."""
    modules = list(course.get_children().live().specific())
    today = timezone.localdate()
    done = {}
    for user in people:
        profile = user.staff_profile
        day = profile.start_date + datetime.timedelta(days=rng.randint(5, 60))
        if rng.random() < 0.8 and day <= today:
            done[user] = day
    if named.get("agency.sw"):
        done[named["agency.sw"]] = today - datetime.timedelta(days=37 * 30)
    if named.get("manager"):
        done[named["manager"]] = today - datetime.timedelta(days=35 * 30)
    for user, day in done.items():
        completion = Completion.objects.create(
            user=user, course=course, completed_on=day, source=Completion.Source.E_LEARNING
        )
        finished = timezone.make_aware(datetime.datetime.combine(day, datetime.time(11)))
        ModuleProgress.objects.bulk_create(
            ModuleProgress(user=user, module=m, completed_at=finished, completion=completion)
            for m in modules
        )
        # The knowledge-check attempts behind it: some needed a second try.
        CheckAttempt.objects.bulk_create(
            _demo_attempt(user, m, finished - datetime.timedelta(days=retry), not retry, rng)
            for m in modules
            for retry in ([1, 0] if rng.random() < 0.25 else [0])
        )
        draft_cpd_entry(completion)


def _demo_attempt(user, module, when, passed, rng):
    """A submitted knowledge-check attempt as the learner would have answered it: all right
    when passed, two wrong when not."""
    questions = rng.sample(module.question_bank(), module.questions_per_attempt)
    answers = {}
    for n, question in enumerate(questions):
        right = [i for i, a in enumerate(question["answers"]) if a["correct"]]
        wrong = [i for i, a in enumerate(question["answers"]) if not a["correct"]]
        answers[question["id"]] = wrong[:1] if not passed and n < 2 else right
    return CheckAttempt(
        user=user,
        module=module,
        started_at=when,
        submitted_at=when,
        questions=questions,
        answers=answers,
        pass_mark=module.pass_mark,
        score=len(questions) if passed else len(questions) - 2,
        passed=passed,
    )


def _showcase(named, now):
    """Put the demo's newly qualified worker on a waiting list and give them an offer, so
    both are visible on /my-training/ straight away."""
    nqsw = named.get("nqsw")
    if nqsw is None:
        return
    upcoming = TrainingSession.objects.filter(starts_at__gt=now + datetime.timedelta(days=3))
    for session in upcoming.order_by("starts_at"):
        if session.bookings.filter(user=nqsw).exists():
            continue
        left = session.places_left()
        if (
            left == 0
            and not Booking.objects.filter(user=nqsw, status=BookingStatus.WAITLISTED).exists()
        ):
            Booking.objects.create(session=session, user=nqsw, status=BookingStatus.WAITLISTED)
        elif (
            left > 0
            and not Booking.objects.filter(user=nqsw, status=BookingStatus.OFFERED).exists()
        ):
            Booking.objects.create(
                session=session,
                user=nqsw,
                status=BookingStatus.OFFERED,
                offer_expires_at=min(now + datetime.timedelta(hours=48), session.closes_at()),
            )
        if (
            Booking.objects.filter(
                user=nqsw, status__in=[BookingStatus.WAITLISTED, BookingStatus.OFFERED]
            ).count()
            >= 2
        ):
            return


def _fill(session, people, named, rng, now):
    past = session.starts_at < now
    demand = rng.uniform(0.5, 1.4)
    wanted = min(len(people), int(session.capacity * demand))
    chosen = rng.sample(people, wanted)
    course = session.course
    for who in ("nqsw", "agency.sw"):
        user = named.get(who)
        if (
            user
            and course.slug
            in {
                "safeguarding-level-3",
                "trauma-informed-practice",
                "motivational-interviewing",
                "assessment-writing",
            }
            and rng.random() < 0.3
            and user not in chosen
        ):
            chosen.insert(0, user)
    taken = 0
    created = session.starts_at - datetime.timedelta(days=rng.randint(10, 40))
    for user in chosen:
        holds = taken < session.capacity
        if past:
            if not holds:
                continue
            status = rng.choices(
                [BookingStatus.ATTENDED, BookingStatus.NO_SHOW, BookingStatus.CANCELLED_LATE],
                weights=[85, 9, 6],
            )[0]
        else:
            status = BookingStatus.CONFIRMED if holds else BookingStatus.WAITLISTED
            if holds and session.needs_approval and rng.random() < 0.3:
                status = BookingStatus.PENDING_APPROVAL
        booking = Booking.objects.create(
            session=session, user=user, status=status, created_at=created
        )
        created += datetime.timedelta(hours=rng.randint(1, 30))
        if status in HOLDS_PLACE:
            taken += 1
        if status == BookingStatus.ATTENDED:
            completion = Completion.objects.create(
                user=user,
                course=course,
                completed_on=timezone.localtime(session.starts_at).date(),
                source=Completion.Source.ATTENDANCE,
                booking=booking,
            )
            draft_cpd_entry(completion)
