"""The Southampton Way: the section page and its chapters."""

from .blocks import cards, cta, heading, image, principles, quote, staff_story, stats, text

INDEX = {
    "title": "The Southampton Way",
    "slug": "the-southampton-way",
    "intro": (
        "How Southampton City Council's children's services work with children and "
        "families: what we are aiming for, the principles and behaviours we hold each "
        "other to, and the practice that makes it real."
    ),
    "search_description": (
        "The Southampton Way: the vision, principles, behaviours and practice framework "
        "behind children's social care in Southampton."
    ),
    "body": [
        text(
            "<p>The Southampton Way is not a slogan on a wall. It is the shared description "
            "of how about 685 people in the Wellbeing (Children and Learning) directorate "
            "go about their work, whether they are a newly qualified social worker in a "
            "locality team, a recovery worker in Family Safeguarding or a manager "
            "signing off a plan late on a Friday.</p>"
            "<p>It started as part of a programme to rebuild the service. In its second "
            "phase, between April 2021 and February 2022, we opened our workforce academy, "
            "launched a practice framework and ran a large recruitment campaign. The "
            "chapters below explain what we built and why.</p>"
        ),
        image("routes", "Four coloured paths joining at a single point on a teal background"),
    ],
}

CHAPTERS = [
    {
        "title": "Our vision",
        "slug": "vision",
        "intro": (
            "We want every child and young person in Southampton to have a good start, to "
            "be safe, healthy and happy, and to grow into an adult with real chances in life."
        ),
        "body": [
            heading("What we are here for"),
            text(
                "<p>Our vision is simple to say and hard to deliver: every child and young "
                "person in the city gets a good start in life, lives safely, is healthy and "
                "happy, and goes on to have successful opportunities as an adult.</p>"
                "<p>Each part of that sentence asks something different of us. A good "
                "start means noticing early when a family is struggling. Living safely "
                "means confident, well-judged decisions about risk. Health and happiness "
                "mean working with schools, health services and communities, not on our "
                "own. Successful opportunities as an adult mean staying alongside young "
                "people as they leave care, not stopping at eighteen.</p>"
            ),
            quote(
                "If we keep asking whether a decision gives this child a better start, "
                "we rarely go far wrong.",
                "A principal social worker's reminder to new starters",
            ),
            heading("How the vision shapes our work"),
            text(
                "<ul><li>Plans are written around what the child needs, in words the "
                "family can understand.</li><li>We measure ourselves by outcomes for "
                "children, not by how many forms we have completed.</li><li>We invest in "
                "our people, because children do best with a worker who knows them and "
                "stays.</li></ul>"
            ),
            cta(
                "See where the vision leads",
                "Read about our destination and the four routes we take to reach it.",
                "/the-southampton-way/destination/",
                "Our destination and four routes",
            ),
        ],
    },
    {
        "title": "Our destination and four routes",
        "slug": "destination",
        "intro": (
            "Our destination is outstanding outcomes for children and young people. We "
            "get there by four routes that support each other."
        ),
        "body": [
            text(
                "<p>A destination is only useful if you know how you are travelling. "
                "Ours is outstanding outcomes for the children and young people we work "
                "with, and we have chosen four routes to reach it. None of them works "
                "alone: relationships need a stable workforce, early help needs strong "
                "local teams, and so on.</p>"
            ),
            image(
                "routes",
                "Four coloured paths joining at a single point on a teal background",
                "Four routes, one destination.",
            ),
            cards(
                "The four routes",
                [
                    (
                        "Relationship-based work",
                        "Change happens through trusted relationships with children, "
                        "families and partners, so we protect the time it takes to build them.",
                        "",
                    ),
                    (
                        "Early intervention, prevention and inclusion",
                        "We help as early as we can, before problems grow, and keep "
                        "children included in school and community life.",
                        "",
                    ),
                    (
                        "Locality working",
                        "Teams are organised around the city's localities so that workers "
                        "know the area, its schools and its services.",
                        "",
                    ),
                    (
                        "A skilled and stable workforce",
                        "Children do better with a worker who stays. We recruit carefully, "
                        "train everyone and keep caseloads manageable.",
                        "/work-with-us/",
                    ),
                ],
            ),
            heading("Locality working in practice"),
            text(
                "<p>Our structure puts locality-facing teams at the centre, alongside "
                "specialist teams such as Jigsaw, the disabled children's team, the SEND "
                "service, fostering, care leavers and the Family Safeguarding teams. A "
                "family should not have to tell their story again every time they meet a "
                "new part of the council.</p>"
            ),
        ],
    },
    {
        "title": "Our principles",
        "slug": "principles",
        "intro": (
            "Five principles guide every decision we make with and for children and their families."
        ),
        "body": [
            principles(
                "The five principles",
                [
                    (
                        "The child at the centre",
                        "Every decision starts with the child: their experience, their "
                        "wishes and what they need to be safe and well.",
                    ),
                    (
                        "Relationship-based work",
                        "We build honest relationships with children, families and partner "
                        "agencies, because help is only accepted from people you trust.",
                    ),
                    (
                        "As early as possible",
                        "We act before issues escalate, offering the right help at the "
                        "first sign that a family is finding things hard.",
                    ),
                    (
                        "With them, not to them",
                        "We work alongside whole families and communities, building on "
                        "the strengths they already have rather than imposing solutions.",
                    ),
                    (
                        "High support, high challenge",
                        "We expect a lot of each other and give a lot back: strong "
                        "supervision, honest feedback and help when work is hard.",
                    ),
                ],
            ),
            quote(
                "“With them, not to them” changed how I write a plan. The family's own "
                "words are in it now.",
                "A social worker in a locality team",
            ),
            text(
                "<p>The principles are used in supervision, in audits and in how we "
                "recruit. Interview questions ask candidates to describe a time they "
                "worked alongside a family rather than around them.</p>"
            ),
        ],
    },
    {
        "title": "Our behaviours",
        "slug": "behaviours",
        "intro": (
            "How we behave towards children, families and each other: confident, "
            "accountable, inquisitive, respectful and collaborative."
        ),
        "body": [
            principles(
                "What you can expect from us, and we expect from you",
                [
                    (
                        "Confident",
                        "We make clear decisions, explain them, and hold risk with "
                        "confidence instead of passing it on.",
                    ),
                    (
                        "Accountable",
                        "We do what we said we would, own our mistakes and learn from "
                        "them in the open.",
                    ),
                    (
                        "Inquisitive",
                        "We stay curious about what life is really like for a child, ask "
                        "the next question and test our own assumptions.",
                    ),
                    (
                        "Respectful",
                        "We listen first, treat every family with dignity and value the "
                        "knowledge of colleagues from every profession.",
                    ),
                    (
                        "Working as a team",
                        "We collaborate across teams and agencies, share what we know "
                        "and never leave a colleague to carry a hard case alone.",
                    ),
                ],
            ),
            text(
                "<p>The behaviours are part of every appraisal and every job description. "
                "They describe the culture new starters tell us they noticed in their "
                "first week.</p>"
            ),
            staff_story("nqsw"),
        ],
    },
    {
        "title": "Our practice framework",
        "slug": "practice-framework",
        "intro": (
            "Four practice approaches, and the qualities we look for in every piece of "
            "work, give our practitioners a shared language and shared tools."
        ),
        "body": [
            text(
                "<p>Our practice framework was launched alongside the workforce academy so "
                "that training and practice would point in the same direction. It sets out "
                "four approaches that every practitioner is trained in and expected to "
                "use.</p>"
            ),
            principles(
                "The four practice approaches",
                [
                    (
                        "Trauma-Informed Practice",
                        "Understanding how adversity and trauma shape children's and "
                        "parents' behaviour, and responding in ways that do not add harm.",
                    ),
                    (
                        "Motivational Interviewing",
                        "Conversations that draw out a person's own reasons for change, "
                        "rather than telling them what to do.",
                    ),
                    (
                        "Restorative Approach",
                        "Working with people, with high expectations and high support, "
                        "to repair harm and rebuild relationships.",
                    ),
                    (
                        "Strengthening Families",
                        "A shared, strengths-based way to assess risk and plan with "
                        "families, used in conferences and meetings.",
                    ),
                ],
            ),
            heading("The qualities of good practice"),
            text(
                "<p>Whatever the approach, we want work to be relationship-based, "
                "evidence-based and strengths-based. We want practitioners to be "
                "self-reflective, to hold risk confidently and to use supervision to "
                "generate ideas about change, not just to check tasks.</p>"
                "<p>A systemic model of practice is being rolled out alongside the "
                "framework, helping teams to think about the relationships and patterns "
                "around a child, not only the child on their own.</p>"
            ),
            image(
                "framework",
                "Four overlapping circles in different colours around a smaller central circle",
                "Four approaches around the child.",
            ),
            cta(
                "Train in the framework",
                "Every member of staff, agency social workers included, can book the "
                "academy's courses.",
                "/academy/",
                "Visit our academy",
            ),
        ],
    },
    {
        "title": "The Family Safeguarding Model",
        "slug": "family-safeguarding",
        "intro": (
            "Our service model brings adult specialists into children's social work teams "
            "so that families get joined-up help, and children stay at home wherever it is "
            "safe and possible."
        ),
        "body": [
            heading("Keeping families together safely"),
            text(
                "<p>Many children come to our attention because of difficulties in the "
                "adults around them: poor mental health, alcohol or drug use, or domestic "
                "abuse. The Family Safeguarding Model tackles those difficulties directly, "
                "rather than waiting for another service to pick them up.</p>"
                "<p>In our Family Safeguarding teams, social workers sit with adult mental "
                "health workers, alcohol and substance-use recovery workers and domestic "
                "abuse practitioners. They share cases, plan together and visit together. "
                "A parent can start treatment on the same day their social worker raises "
                "the concern.</p>"
            ),
            quote(
                "The parents see one team, not five agencies. That makes it much easier "
                "for them to be honest about what is going on.",
                "A domestic abuse practitioner, Family Safeguarding",
            ),
            heading("What it means for the people who work here"),
            text(
                "<ul><li>Group supervision where every discipline brings its view of "
                "risk.</li><li>Motivational Interviewing as a shared way of talking with "
                "parents.</li><li>Shared workbooks that families complete with whichever "
                "worker they see.</li></ul>"
            ),
            staff_story("recovery"),
            cta(
                "Join a Family Safeguarding team",
                "We recruit social workers and adult specialists into the teams.",
                "/work-with-us/practitioners-and-recovery-workers/",
                "Practitioner and recovery worker roles",
            ),
        ],
    },
    {
        "title": "The impact for children and families",
        "slug": "impact",
        "intro": (
            "What the Southampton Way is meant to change, and what inspectors and our own "
            "figures tell us so far."
        ),
        "body": [
            heading("The difference we intend to make"),
            text(
                "<ul><li>Families get help earlier.</li><li>Agencies work together "
                "better around a child.</li><li>Risk is managed better because "
                "assessments are robust.</li><li>Children in need get brief, focused "
                "intervention.</li><li>Managers and senior leaders have more oversight of "
                "practice.</li><li>Families are supported to reunify, and placements are "
                "less likely to break down.</li></ul>"
            ),
            stats(
                "Our workforce in 2022",
                [
                    ("90%", "of social workers in permanent posts"),
                    ("95%", "of leaders and managers in permanent posts"),
                    ("18", "children on an average caseload"),
                    ("25%", "of social workers with under two years' experience"),
                ],
            ),
            heading("What inspectors found"),
            text(
                "<p>Ofsted's full inspection in 2023 judged our overall effectiveness as "
                "good, and the impact of leaders on social work practice as outstanding. "
                "Inspectors pointed to highly effective recruitment and an almost fully "
                'permanent workforce. <a href="/news/">Read the news</a> for the '
                "detail.</p>"
            ),
            cta(
                "Be part of what comes next",
                "See the roles open now across the service.",
                "/vacancies/",
                "See current vacancies",
            ),
        ],
    },
]
