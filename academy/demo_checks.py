"""The knowledge checks of the practice framework e-learning, one bank per module, written
for the demo and for a real first release (the facts come from the practice framework)."""

from .checks_content import question

# Module title -> its question bank. Each attempt draws four; three right is a pass.
PRACTICE_FRAMEWORK_CHECKS = {
    "Why a practice framework?": [
        question(
            "What is the framework for?",
            "Giving every team one shared way of working with children and families",
            [
                "Replacing supervision with a checklist",
                "Deciding which families get a service",
            ],
            feedback={
                "Giving every team one shared way of working with children and families": (
                    "Yes: a child should get the same quality of help whichever team they "
                    "meet, and a shared language makes that possible."
                ),
                "Replacing supervision with a checklist": (
                    "No: supervision stays central. The framework asks us to use it to "
                    "generate ideas about change."
                ),
                "Deciding which families get a service": (
                    "No: thresholds are a separate matter. The framework is about how we "
                    "work, not who we work with."
                ),
            },
        ),
        question(
            "Which of these are practice qualities the framework looks for?",
            ["Strengths-based", "Self-reflective", "Confidently holding risk"],
            ["Avoiding risk at any cost", "Working alone to protect confidentiality"],
            feedback={
                "Avoiding risk at any cost": (
                    "Not quite: we aim to hold risk with confidence, using evidence and "
                    "supervision, rather than to avoid it."
                ),
                "Working alone to protect confidentiality": (
                    "No: the framework is relationship-based and collaborative; we share "
                    "thinking with colleagues and partners."
                ),
            },
        ),
        question(
            "“With them, not to them” describes which principle?",
            "Working alongside whole families and communities, building on their strengths",
            ["Keeping case records brief", "Making decisions quickly, before families object"],
            feedback={
                "Working alongside whole families and communities, building on their strengths": (
                    "Right: families are partners in the plan, not its subjects."
                ),
            },
        ),
        question(
            "Which behaviours does the service ask of everyone?",
            ["Confident", "Accountable", "Inquisitive", "Respectful"],
            ["Cautious", "Detached"],
            feedback={
                "Cautious": "Not one of ours: we ask for confidence, with accountability.",
                "Detached": "No: respectful, relationship-based work is the opposite.",
            },
        ),
        question(
            "What does “high support, high challenge” mean for a team?",
            "A culture where people are backed and also expected to keep improving",
            ["Heavy caseloads with long hours", "Challenging families more than supporting them"],
            feedback={
                "A culture where people are backed and also expected to keep improving": (
                    "Right: support and challenge go together, for staff as for families."
                ),
                "Heavy caseloads with long hours": (
                    "No: it describes the culture of support and challenge, not workload."
                ),
            },
        ),
    ],
    "Trauma-Informed Practice": [
        question(
            "Trauma-informed practice shifts the question we ask about someone to…",
            "What has happened to you?",
            ["What is wrong with you?", "Why won't you engage?"],
            feedback={
                "What has happened to you?": (
                    "Yes: behaviour often makes sense as a response to past harm."
                ),
                "What is wrong with you?": (
                    "That is the question trauma-informed practice moves us away from."
                ),
                "Why won't you engage?": (
                    "Framing it as refusal misses how fear and past harm shape a response."
                ),
            },
        ),
        question(
            "Before asking a family for change, what does a trauma-informed worker build?",
            "Safety and trust",
            ["A written agreement", "A list of consequences"],
            feedback={
                "A written agreement": (
                    "Agreements have their place, but without safety and trust they rarely hold."
                ),
            },
        ),
        question(
            "A teenager shouts and walks out of a meeting. Which responses are trauma-informed?",
            [
                "Wondering what the meeting felt like to them",
                "Offering another way or time to talk",
            ],
            ["Recording that they refused to engage", "Ending the work"],
            feedback={
                "Recording that they refused to engage": (
                    "That closes the question too soon: ask what the behaviour might be "
                    "telling you."
                ),
                "Ending the work": "No: one difficult moment is a reason to adapt, not stop.",
            },
        ),
        question(
            "Why does the framework include trauma-informed practice?",
            "Many children and parents we meet have lived through repeated harm",
            ["It replaces risk assessment", "It only applies to children in care"],
            feedback={
                "It replaces risk assessment": (
                    "No: it shapes how we assess and hold risk; it does not replace it."
                ),
                "It only applies to children in care": (
                    "No: it applies across help, protection and care."
                ),
            },
        ),
        question(
            "Which practice quality helps you notice your own reactions to a family's trauma?",
            "Being self-reflective",
            ["Being procedural", "Being fast"],
            feedback={
                "Being self-reflective": (
                    "Right: reflection, alone and in supervision, keeps our own reactions "
                    "from steering the work."
                ),
            },
        ),
    ],
    "Motivational Interviewing": [
        question(
            "When are people most likely to change, according to motivational interviewing?",
            "When they hear themselves make the case for change",
            ["When a professional tells them what will happen", "When they feel ashamed"],
            feedback={
                "When they hear themselves make the case for change": (
                    "Yes: our job is to draw out their own reasons."
                ),
                "When a professional tells them what will happen": (
                    "Warnings tend to provoke resistance rather than change."
                ),
                "When they feel ashamed": "Shame usually shuts change down.",
            },
        ),
        question(
            "Which are core skills of motivational interviewing?",
            ["Open questions", "Affirmations", "Reflective listening", "Summaries"],
            ["Closed questions to confirm facts", "Giving advice first"],
            feedback={
                "Closed questions to confirm facts": (
                    "Useful at times, but not one of the core skills: they invite yes or no."
                ),
                "Giving advice first": (
                    "Advice lands better after you have understood the person's own view."
                ),
            },
        ),
        question(
            "Which of these is an open question?",
            "What would be different if you stopped drinking?",
            ["Have you stopped drinking?", "Did you drink yesterday?"],
            feedback={
                "Have you stopped drinking?": "That can be answered yes or no: it is closed.",
                "Did you drink yesterday?": "That can be answered yes or no: it is closed.",
            },
        ),
        question(
            "A parent says they want to change but also that nothing is wrong. This is…",
            "Ambivalence, which is normal on the way to change",
            ["Lying, which should be challenged straight away", "A reason to close the case"],
            feedback={
                "Ambivalence, which is normal on the way to change": (
                    "Right: mixed feelings are where motivational interviewing starts."
                ),
            },
        ),
        question(
            "Whose plan should come out of a motivational conversation?",
            "The parent's own plan, which they can own",
            ["The worker's plan", "The conference chair's plan"],
            feedback={
                "The parent's own plan, which they can own": (
                    "Yes: a plan the parent owns is more likely to be kept."
                ),
            },
        ),
    ],
    "Restorative Approach": [
        question(
            "A restorative approach means working…",
            "With families",
            ["To families", "For families"],
            feedback={
                "With families": "Right: with, not to them or for them.",
                "To families": "Doing things to people is high challenge with no support.",
                "For families": "Doing things for people is high support with no challenge.",
            },
        ),
        question(
            "What does the restorative approach combine?",
            "High support with high challenge",
            ["Low support with high challenge", "High support with low challenge"],
            feedback={
                "Low support with high challenge": "That is punitive: doing things to people.",
                "High support with low challenge": "That is permissive: doing things for them.",
            },
        ),
        question(
            "What are restorative conversations for?",
            ["Repairing harm", "Keeping relationships working when we say difficult things"],
            ["Avoiding difficult subjects", "Deciding who is to blame"],
            feedback={
                "Avoiding difficult subjects": (
                    "No: they make it possible to raise difficult things and keep working."
                ),
                "Deciding who is to blame": "Blame is not the aim; repair is.",
            },
        ),
        question(
            "Which habit fits a restorative conversation with a parent?",
            "Naming a strength before naming a worry",
            ["Listing every concern first", "Leaving worries unsaid to keep the peace"],
            feedback={
                "Leaving worries unsaid to keep the peace": (
                    "High support needs high challenge too: worries must be said."
                ),
            },
        ),
        question(
            "Who benefits from a restorative culture?",
            "Children, families and colleagues alike",
            ["Only families on a child protection plan", "Only managers"],
            feedback={
                "Children, families and colleagues alike": (
                    "Yes: the same support and challenge apply within teams."
                ),
            },
        ),
    ],
    "Strengthening Families": [
        question(
            "What does a Strengthening Families map set out?",
            ["Worries", "Strengths", "Safety goals"],
            ["Budget codes", "Staff rotas"],
            feedback={
                "Budget codes": "No: the map is about the family, not the service's budget.",
                "Staff rotas": "No: the map is about the family's safety and strengths.",
            },
        ),
        question(
            "Who is the map made with?",
            "The family and its network",
            ["Professionals only", "The social worker alone"],
            feedback={
                "Professionals only": (
                    "The family and its network are at the table: it is their plan."
                ),
                "The social worker alone": "No: the map is built together.",
            },
        ),
        question(
            "Why map worries and strengths together?",
            "So everyone can see what needs to change and what already helps",
            ["To keep records short", "To balance the score"],
            feedback={
                "So everyone can see what needs to change and what already helps": (
                    "Right: a clear, shared picture lets the family own the plan."
                ),
            },
        ),
        question(
            "Which service model does Southampton use alongside the practice approaches?",
            "The Family Safeguarding Model",
            ["A single-agency model", "A residential model"],
            feedback={
                "The Family Safeguarding Model": (
                    "Yes: keeping families together wherever it is safe and possible, with "
                    "adult specialists in the team."
                ),
            },
        ),
        question(
            "Whom might you add to a family's network?",
            [
                "Relatives and friends the family trusts",
                "Professionals who know the family",
            ],
            "Nobody: networks are for the family alone",
            feedback={
                "Nobody: networks are for the family alone": (
                    "A wider network is often where safety comes from."
                ),
            },
        ),
    ],
}


def add_practice_framework_checks(course) -> int:
    """Give each module of the course that has no check yet its question bank."""
    added = 0
    for module in course.get_children().specific():
        bank = PRACTICE_FRAMEWORK_CHECKS.get(module.title)
        if bank is None or len(module.check_questions):
            continue
        module.check_questions = bank
        module.questions_per_attempt = 4
        module.pass_mark = 75
        module.retake_wait_hours = 24
        module.save_revision().publish()
        added += 1
    return added
