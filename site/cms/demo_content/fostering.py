"""Foster with us: the landing page and its information pages."""

from .blocks import cards, cta, faq, heading, image, principles, quote, staff_story, text

ENQUIRE = ("Talk to our fostering team", "We reply to every enquiry within one working day.")

LANDING = {
    "title": "Foster with us",
    "slug": "fostering",
    "intro": (
        "Give a Southampton child a safe, loving home, for a night, a few months or "
        "until they grow up, with a fostering team that backs you every step of the way."
    ),
    "search_description": (
        "Foster with Southampton City Council: types of fostering, who can foster, "
        "support and allowances, and the steps to approval."
    ),
    "hero_image": "fostering",
    "hero_image_alt": "Illustration of a house with a warm lit window under a teal sky",
    "body": [
        heading("Why foster with the council"),
        text(
            "<p>When you foster with Southampton City Council, the children you look "
            "after are from your own city. They can often stay at the same school and "
            "keep in touch with the people who matter to them. You are supported by the "
            "same service that works with their families.</p>"
        ),
        cta(
            ENQUIRE[0],
            ENQUIRE[1],
            "/fostering-enquiry/",
            "Make an enquiry",
        ),
    ],
}

PAGES = [
    {
        "title": "Why foster",
        "slug": "why-foster",
        "intro": (
            "Fostering changes the lives of children in Southampton, and often the carer's too."
        ),
        "body": [
            text(
                "<p>Children come into foster care for many reasons, almost always "
                "through no fault of their own. What they need is a safe home, adults who "
                "stay calm and kind, and someone who believes in them.</p>"
                "<p>Our service model, Family Safeguarding, works to keep children with "
                "their families wherever it is safe. When a child cannot stay at home, a "
                "local foster carer can make it possible for them to keep their school, "
                "their friends and their links to family.</p>"
            ),
            quote(
                "You do not need to be perfect. You need to be patient, reliable and "
                "willing to learn.",
                "A supervising social worker",
            ),
            cards(
                "What carers tell us they gain",
                [
                    ("Purpose", "Knowing you made a real difference to a child's life.", ""),
                    ("Support", "A network of other carers and a dedicated social worker.", ""),
                    ("Learning", "Training that builds skills you use every day.", ""),
                ],
            ),
        ],
    },
    {
        "title": "Types of fostering",
        "slug": "types-of-fostering",
        "intro": (
            "From a single night to many years: find the kind of fostering that fits your life."
        ),
        "body": [
            principles(
                "",
                [
                    (
                        "Short-term fostering",
                        "Caring for a child for weeks or months while plans are made for "
                        "their future, often a return home.",
                    ),
                    (
                        "Long-term fostering",
                        "Bringing up a child who cannot return home, usually until they "
                        "reach adulthood and often beyond.",
                    ),
                    (
                        "Emergency fostering",
                        "Offering a home at very short notice, sometimes at night, when "
                        "a child needs somewhere safe straight away.",
                    ),
                    (
                        "Respite fostering",
                        "Regular short breaks, such as a weekend a month, that support "
                        "families and other foster carers.",
                    ),
                    (
                        "Parent and child fostering",
                        "Caring for a parent and their baby together, helping the parent "
                        "build the skills to look after their child safely.",
                    ),
                    (
                        "Fostering disabled children",
                        "Full-time care or short breaks for disabled children, working "
                        "with Jigsaw, our disabled children's team.",
                    ),
                ],
            ),
            text(
                "<p>We need carers across Southampton and the surrounding parts of "
                "Hampshire, and especially for brothers and sisters who want to stay "
                "together, and for teenagers.</p>"
            ),
            staff_story("respite"),
        ],
    },
    {
        "title": "Who can foster",
        "slug": "who-can-foster",
        "intro": "More people can foster than think they can.",
        "body": [
            text(
                "<p>You can foster whether you are single, married, in a relationship, "
                "or living with a partner; whatever your sexuality, gender, ethnicity or "
                "faith; whether you own your home or rent it; and whether or not you have "
                "children of your own.</p>"
            ),
            heading("What you will need"),
            text(
                "<ul><li>To be over 21.</li><li>A spare bedroom for a child.</li><li>Time "
                "and energy to care for a child, and to work with their social worker and "
                "family.</li><li>To agree to the checks every foster carer goes through, "
                "including an enhanced DBS check for every adult in your household.</li>"
                "</ul>"
            ),
            text(
                "<p>Having a criminal record does not automatically rule you out. Talk to "
                "us about it early and honestly.</p>"
            ),
        ],
    },
    {
        "title": "Support and allowances",
        "slug": "support-and-allowances",
        "intro": (
            "Training, a dedicated social worker, peer support and an allowance for every child."
        ),
        "body": [
            heading("The support you get"),
            text(
                "<ul><li>A supervising social worker who visits regularly and knows your "
                "household.</li><li>Advice out of hours when you need it.</li><li>Support "
                "groups and buddying with experienced carers.</li><li>Training from "
                "Skills to Foster onwards, including trauma-informed care.</li></ul>"
            ),
            heading("Allowances"),
            text(
                "<p>Every foster carer receives a weekly allowance for each child in their "
                "care, to cover the cost of looking after them. The amount depends on the "
                "child's age and the type of fostering, and it is reviewed every year. Our "
                "fostering team will give you the current rates when you enquire.</p>"
            ),
        ],
    },
    {
        "title": "Steps to approval and how long they take",
        "slug": "steps-to-approval",
        "intro": "From your first enquiry to approval usually takes between six and eight months.",
        "body": [
            principles(
                "The steps",
                [
                    (
                        "Enquiry",
                        "Get in touch. We aim to reply within one working day.",
                    ),
                    (
                        "Initial visit",
                        "A social worker visits you at home, usually within about five "
                        "working days, to talk about fostering and your household.",
                    ),
                    (
                        "Stage 1 checks",
                        "An enhanced DBS check for every adult in the household, a medical, "
                        "local authority checks, at least two personal references, your "
                        "employers and former partners, and a home safety check.",
                    ),
                    (
                        "Skills to Foster training",
                        "Preparation training with other applicants, led by experienced "
                        "carers and social workers.",
                    ),
                    (
                        "Stage 2 assessment",
                        "Your assessing social worker meets you several times and writes "
                        "your assessment report, known as the Form F.",
                    ),
                    (
                        "Fostering panel",
                        "An independent panel reads your report, which is sent to them at "
                        "least five working days before, meets you and makes a "
                        "recommendation.",
                    ),
                    (
                        "Decision and approval",
                        "The agency decision maker decides within seven working days of "
                        "receiving the panel's minutes. Then you are approved.",
                    ),
                ],
            ),
            heading("How long it takes"),
            text(
                "<p>National standards expect the panel's recommendation within eight "
                "months of your application, and we work to keep well within that. If you "
                "are not approved, you can ask the Independent Review Mechanism to look "
                "at the decision again.</p>"
            ),
        ],
    },
    {
        "title": "Fostering questions",
        "slug": "faq",
        "intro": "Answers to the questions people ask us most before they enquire.",
        "body": [
            faq(
                "",
                [
                    (
                        "Can I foster if I work full time?",
                        "<p>Often, yes. Some types of fostering, such as respite, fit "
                        "around full-time work. For younger children one carer usually "
                        "needs to be available during the day.</p>",
                    ),
                    (
                        "Can I foster if I rent my home?",
                        "<p>Yes. You need a spare bedroom and a stable home, not to own it.</p>",
                    ),
                    (
                        "Am I too old to foster?",
                        "<p>There is no upper age limit. We look at your health and energy, "
                        "not your date of birth.</p>",
                    ),
                    (
                        "Do I choose which child I foster?",
                        "<p>We match children with carers carefully, and you will always "
                        "be asked before a child is placed with you.</p>",
                    ),
                    (
                        "What happens at the fostering panel?",
                        "<p>The panel reads your assessment, asks you some questions and "
                        "makes a recommendation. Your assessing social worker goes with "
                        "you.</p>",
                    ),
                    (
                        "What if I am turned down?",
                        "<p>You can ask the Independent Review Mechanism to review the "
                        "decision.</p>",
                    ),
                ],
            ),
        ],
    },
    {
        "title": "Carers' stories",
        "slug": "carers-stories",
        "intro": "Southampton foster carers describe what fostering is really like.",
        "body": [
            staff_story("carers"),
            staff_story("respite"),
            image(
                "fostering",
                "Illustration of a house with a warm lit window under a teal sky",
            ),
        ],
    },
]
