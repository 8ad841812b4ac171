"""News: the inspections and what they said."""

import datetime

from .blocks import cta, heading, quote, stats, text

INDEX = {
    "title": "News",
    "slug": "news",
    "intro": "Inspection results, service news and updates from our teams.",
}

ARTICLES = [
    {
        "title": "Ofsted rates Southampton's children's services good, with outstanding leadership",
        "slug": "ofsted-2023-good-with-outstanding-leadership",
        "date": datetime.date(2023, 7, 14),
        "tags": ["Ofsted", "Inspection"],
        "intro": (
            "After a three-week inspection in May and June 2023, Ofsted judged our "
            "services good overall and the impact of leaders on practice outstanding."
        ),
        "body": [
            text(
                "<p>Ofsted carried out a full inspection of local authority children's "
                "services (ILACS) in Southampton over three weeks in May and June 2023. "
                "Inspectors spoke to more than 100 children, staff members, parents and "
                "partners, and looked closely at the records of children we work with.</p>"
            ),
            stats(
                "The judgements",
                [
                    ("Good", "overall effectiveness"),
                    ("Outstanding", "impact of leaders on social work practice"),
                    ("Good", "experiences of children who need help and protection"),
                    ("Good", "experiences of children in care"),
                    ("Good", "experiences of care leavers"),
                ],
            ),
            heading("What inspectors noticed"),
            text(
                "<p>Inspectors described our recruitment as highly effective and noted "
                "that the workforce is almost entirely permanent. For children, that "
                "means fewer changes of social worker and relationships that last.</p>"
                "<p>The outstanding judgement for leadership reflects the work done since "
                "2021: the workforce academy, the practice framework and a steady focus "
                "on the quality of supervision.</p>"
            ),
            quote(
                "This is a judgement about the people who knock on doors every day. It "
                "belongs to them.",
                "The service's leadership team",
            ),
            cta(
                "Work in a good service",
                "See the roles open now.",
                "/vacancies/",
                "Search vacancies",
            ),
        ],
    },
    {
        "title": "Ofsted focused visit finds progress and sets clear priorities",
        "slug": "ofsted-focused-visit-november-2022",
        "date": datetime.date(2023, 1, 12),
        "tags": ["Ofsted", "Inspection"],
        "intro": (
            "Ofsted's focused visit on 22 and 23 November 2022 looked at our progress "
            "since May 2021 and named three areas to strengthen."
        ),
        "body": [
            text(
                "<p>On 22 and 23 November 2022 Ofsted inspectors made a focused visit to "
                "our children's services to look at the progress we had made since May "
                "2021.</p>"
            ),
            heading("What we were asked to improve"),
            text(
                "<ul><li>The quality of assessments and plans.</li><li>The quality of "
                "audits and of our quality assurance framework.</li><li>The quality of "
                "supervision and management oversight.</li></ul>"
            ),
            heading("What inspectors recognised"),
            text(
                "<p>Inspectors noted that the full training offer is open to all staff, "
                "agency social workers included, that our induction is comprehensive, and "
                "that we are growing our own workforce rather than relying on agencies.</p>"
                "<p>The three priorities went straight into our improvement plan and our "
                "academy's programme for 2023, ahead of the full inspection.</p>"
            ),
        ],
    },
    {
        "title": "Local area SEND inspection in 2024",
        "slug": "send-area-inspection-2024",
        "date": datetime.date(2024, 6, 3),
        "tags": ["SEND", "Inspection"],
        "intro": (
            "The city's arrangements for children and young people with special "
            "educational needs and disabilities were inspected in 2024."
        ),
        "body": [
            text(
                "<p>Area SEND inspections look at how well the council, health services "
                "and education settings work together for children and young people with "
                "special educational needs and disabilities, and for their families.</p>"
                "<p>Our SEND service, Jigsaw and our partners took part, and families' "
                "experiences were central to the inspection. The published report sets "
                "out what the partnership does well and what it should improve, and our "
                "SEND improvement work follows from it.</p>"
            ),
            cta(
                "SEND roles",
                "Find out about working in our SEND service.",
                "/work-with-us/send/",
                "SEND careers",
            ),
        ],
    },
    {
        "title": "Joint targeted area inspection of the safeguarding partnership",
        "slug": "jtai-2025",
        "date": datetime.date(2025, 5, 20),
        "tags": ["Inspection", "Partnership"],
        "intro": (
            "In 2025 inspectors looked at how the council, police and health services "
            "work together to keep children safe in Southampton."
        ),
        "body": [
            text(
                "<p>A joint targeted area inspection (JTAI) is carried out together by "
                "Ofsted, the Care Quality Commission, His Majesty's Inspectorate of "
                "Constabulary and Fire and Rescue Services and, where relevant, His "
                "Majesty's Inspectorate of Probation. It looks not at one organisation "
                "but at the multi-agency partnership around children.</p>"
                "<p>Southampton's partnership was inspected in 2025. Better multi-agency "
                "work is one of the impacts the Southampton Way aims for, so the findings "
                "matter to every team.</p>"
            ),
        ],
    },
    {
        "title": "Our workforce in numbers: Destination 2022 results",
        "slug": "destination-2022-workforce-results",
        "date": datetime.date(2022, 12, 5),
        "tags": ["Workforce"],
        "intro": (
            "Nine in ten social workers are now permanent and average caseloads are about 18."
        ),
        "body": [
            stats(
                "",
                [
                    ("90%", "of social workers permanent"),
                    ("95%", "of leadership and management permanent"),
                    ("18", "average caseload"),
                ],
            ),
            text(
                "<p>Fewer social workers now carry more than 20 cases. A quarter of our "
                "social workers have less than two years' experience, which is why our "
                "offer for newly qualified and early-career staff is such a priority.</p>"
            ),
        ],
    },
]
