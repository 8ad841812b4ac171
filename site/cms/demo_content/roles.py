"""Work with us: the section page and one page per role family (keyed by family name)."""

from .blocks import cards, cta, heading, quote, staff_story, stats, text

INDEX = {
    "title": "Work with us",
    "slug": "work-with-us",
    "intro": (
        "Join a children's service that inspectors rated good, with outstanding "
        "leadership of practice, manageable caseloads and training for everyone."
    ),
    "search_description": (
        "Careers in children's social care at Southampton City Council: social work, "
        "Family Safeguarding, SEND, housing, management and psychology roles."
    ),
    "body": [
        heading("Why Southampton"),
        stats(
            "",
            [
                ("90%", "of our social workers are permanent"),
                ("18", "children on an average caseload"),
                ("Good", "overall, Ofsted 2023, with outstanding leadership of practice"),
            ],
        ),
        text(
            "<p>We are a city council children's service of about 685 people. Our teams "
            "are built around the city's localities, with specialist teams for disabled "
            "children, SEND, fostering and care leavers, and Family Safeguarding teams "
            "where social workers and adult specialists work side by side.</p>"
            "<p>We would rather you stayed for years than months, so we keep caseloads "
            "manageable, give every member of staff access to the academy's full "
            "training offer and take supervision seriously.</p>"
        ),
        heading("Permanent, fixed-term and agency roles"),
        text(
            "<p>Most of our roles are permanent, and we offer fixed-term posts, "
            "secondments and student placements too. Agency social workers are welcome "
            "on the same training as permanent staff, and many have moved into permanent "
            "posts with us. Agency assignments follow the Department for Education's "
            "rules for child and family social work, including three years' "
            "post-qualifying experience.</p>"
        ),
        cta(
            "See what is open now",
            "Vacancies are listed soonest closing first.",
            "/vacancies/",
            "Search vacancies",
        ),
    ],
}

FAMILIES = {
    "Social workers": {
        "slug": "social-workers",
        "intro": (
            "Newly qualified, experienced and senior social workers and advanced "
            "practitioners, in locality, Family Safeguarding and specialist teams."
        ),
        "body": [
            heading("Social work in Southampton"),
            text(
                "<p>Our social workers hold an average caseload of about 18 children. "
                "That is not a promise that every week will be calm, but it does mean "
                "time to visit, to listen and to write plans that families recognise.</p>"
                "<p>You will work in a team organised around a locality, or in one of "
                "our specialist teams: Family Safeguarding, Jigsaw for disabled children, "
                "fostering or care leavers.</p>"
            ),
            heading("Newly qualified social workers"),
            text(
                "<p>About a quarter of our social workers have less than two years' "
                "experience, so our offer for early-career practitioners matters. In your "
                "Assessed and Supported Year in Employment (ASYE) you have a protected "
                "caseload, regular supervision and reviews at three, six and twelve "
                "months, assessed against the Professional Capabilities Framework. From "
                "September 2027 the national two-year Early Career Development Programme "
                "replaces the ASYE, and our academy is preparing for it.</p>"
            ),
            staff_story("nqsw"),
            heading("Experienced, senior and advanced practitioners"),
            text(
                "<p>Experienced social workers can progress to senior and advanced "
                "practitioner roles, taking on complex work, mentoring and practice "
                "development. Every social worker keeps their Social Work England "
                "registration current through CPD, and the academy helps you record "
                "it.</p>"
            ),
        ],
    },
    "Practitioners and recovery workers": {
        "slug": "practitioners-and-recovery-workers",
        "intro": (
            "Adult mental health practitioners, alcohol and substance-use recovery "
            "workers and domestic abuse practitioners in our Family Safeguarding teams."
        ),
        "body": [
            heading("Adult specialists inside children's teams"),
            text(
                "<p>In the Family Safeguarding Model, the difficulties parents face are "
                "tackled by specialists who sit in the same team as the child's social "
                "worker. You will hold a caseload of parents, visit jointly, and take "
                "part in group supervision where every discipline has a voice.</p>"
            ),
            cards(
                "Roles in the teams",
                [
                    (
                        "Adult mental health practitioner",
                        "Assess and support parents whose mental health affects their "
                        "children, and link with adult services.",
                        "",
                    ),
                    (
                        "Recovery worker (alcohol and substance use)",
                        "Help parents reduce or stop using, with Motivational "
                        "Interviewing at the heart of the work.",
                        "",
                    ),
                    (
                        "Domestic abuse practitioner",
                        "Work with victims and with those who harm, to make children "
                        "safer at home.",
                        "",
                    ),
                ],
            ),
            staff_story("recovery"),
        ],
    },
    "SEND": {
        "slug": "send",
        "intro": (
            "Roles that help children and young people with special educational needs and "
            "disabilities get the support they are entitled to."
        ),
        "body": [
            text(
                "<p>Our SEND service works with families, schools and health partners "
                "on assessments and education, health and care plans. Casework officers "
                "keep families informed and make sure plans are written on time and "
                "reviewed properly.</p>"
                "<p>The service works closely with Jigsaw, our disabled children's team, "
                "and with educational psychologists. The local area's SEND arrangements "
                "were inspected in 2024.</p>"
            ),
        ],
    },
    "Housing and benefits": {
        "slug": "housing-and-benefits",
        "intro": (
            "Advisers who help families with housing, money and benefits, so that "
            "practical problems do not become safeguarding ones."
        ),
        "body": [
            text(
                "<p>Rent arrears, an unsuitable home or a benefits problem can put huge "
                "strain on a family. Our housing and benefits advisers work alongside "
                "social workers to sort these out early, often as part of the first help "
                "a family receives.</p>"
            ),
            quote(
                "Sorting out a family's housing can do more for a child in a month than a "
                "year of meetings.",
                "A housing and benefits adviser",
            ),
        ],
    },
    "Management": {
        "slug": "management",
        "intro": (
            "From assistant team manager to director: leaders who know the work and give "
            "high support and high challenge."
        ),
        "body": [
            text(
                "<p>Ofsted judged the impact of our leaders on social work practice to be "
                "outstanding in 2023. We want to keep it that way, and that starts with "
                "managers who have time to supervise well and to know their teams' "
                "children.</p>"
                "<p>Management roles include assistant team manager, team manager, "
                "service manager, head of service and director. In 2022, 95% of our "
                "leadership and management posts were filled permanently.</p>"
            ),
            staff_story("manager"),
        ],
    },
    "Psychology": {
        "slug": "psychology",
        "intro": (
            "Psychologists who work alongside social workers and schools to understand "
            "children's needs and shape the help they get."
        ),
        "body": [
            text(
                "<p>Our psychologists bring trauma-informed thinking into casework, "
                "consultation and training. They work with schools and social work teams, "
                "and help carers and practitioners make sense of behaviour that can be "
                "hard to understand.</p>"
            ),
        ],
    },
}

DEFAULT_FAMILY = {
    "intro": "Roles in this family across Southampton's children's services.",
    "body": [
        text("<p>Read about the work and the training offer, and see the vacancies open now.</p>")
    ],
}
