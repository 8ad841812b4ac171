"""Starting values for the academy's reference data (editable afterwards as snippets)."""

PCF_DOMAINS = [
    "Professionalism",
    "Values and Ethics",
    "Diversity and Equality",
    "Rights, Justice and Economic Wellbeing",
    "Knowledge",
    "Critical Reflection and Analysis",
    "Intervention and Skills",
    "Contexts and Organisations",
    "Professional Leadership",
]

# Areas of the Knowledge and Skills Statement for child and family practitioners.
KSS_AREAS = [
    "Relationships and effective direct work",
    "Communication",
    "Child development",
    "Adult mental ill health, substance misuse, domestic abuse, physical ill health and disability",
    "Abuse and neglect of children",
    "Child and family assessment",
    "Analysis, decision-making, planning and review",
    "The law and the family and youth justice systems",
    "The role of supervision and research",
    "Organisational context",
]

PRACTICE_STRANDS = [
    (
        "Trauma-Informed Practice",
        "Understanding how trauma shapes children and adults, and "
        "working in ways that feel safe to them.",
    ),
    (
        "Motivational Interviewing",
        "Conversations that help people find their own reasons and confidence to change.",
    ),
    (
        "Restorative Approach",
        "High support and high challenge: working with families, not "
        "doing things to them or for them.",
    ),
    (
        "Strengthening Families",
        "Building on what is already working in a family and its network to keep children safe.",
    ),
    (
        "Systemic practice",
        "Seeing a family as a system of relationships and working with "
        "the patterns between people.",
    ),
]

CATEGORIES = [
    "Newly qualified and early career",
    "Practice framework",
    "Safeguarding",
    "Family Safeguarding Model",
    "Supervision",
    "Management and leadership",
    "Induction",
    "Law and court skills",
]


def ensure_reference_data(apps=None):
    """Create any missing rows; safe to run again. `apps` is given in a data migration."""
    from django.utils.text import slugify

    def model(name):
        if apps is not None:
            return apps.get_model("academy", name)
        from django.apps import apps as live_apps

        return live_apps.get_model("academy", name)

    for n, name in enumerate(PCF_DOMAINS):
        model("PcfDomain").objects.get_or_create(
            name=name, defaults={"slug": slugify(name), "sort_order": n}
        )
    for n, name in enumerate(KSS_AREAS):
        model("KssArea").objects.get_or_create(
            name=name, defaults={"slug": slugify(name)[:150], "sort_order": n}
        )
    for n, (name, summary) in enumerate(PRACTICE_STRANDS):
        model("PracticeStrand").objects.get_or_create(
            name=name, defaults={"slug": slugify(name), "sort_order": n, "summary": summary}
        )
    for n, name in enumerate(CATEGORIES):
        model("CourseCategory").objects.get_or_create(
            name=name, defaults={"slug": slugify(name), "sort_order": n}
        )
