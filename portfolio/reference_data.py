"""The two programme templates and their frameworks, created by a data migration.

Administrators change all of it as snippets in the Wagtail admin; nothing here is read
by the rules at run time. The early career standards' domains are left for an
administrator to enter from DfE's publication before April 2027.
"""

from academy.reference_data import KSS_AREAS, PCF_DOMAINS

ASYE = "Assessed and Supported Year in Employment (ASYE)"
ECP = "Early Career Development Programme"
ASYE_FRAMEWORK = "Professional Capabilities Framework and child and family KSS"
ECP_FRAMEWORK = "Child and family social worker early career standards"

# kind, title, due week, opens weeks before, optional
ASYE_POINTS = [
    ("review", "Three-month review", 13, 1, False),
    ("review", "Six-month review", 26, 1, False),
    ("review", "Nine-month review", 39, 1, True),
    ("final", "Final review and recommendation", 52, 6, False),
]
ECP_POINTS = [
    ("review", "Three-month review", 13, 1, False),
    ("review", "Six-month review", 26, 1, False),
    ("review", "End of year one review", 52, 2, False),
    ("review", "Eighteen-month review", 78, 2, False),
    ("final", "Final assessment against the early career standards", 104, 6, False),
]
# kind, minimum, due week
ASYE_REQUIREMENTS = [
    ("observation", 3, 48),
    ("feedback_supported", 3, 48),
    ("self_assessment", 3, 50),
]
ECP_REQUIREMENTS = [
    ("observation", 6, 100),
    ("feedback_supported", 6, 100),
    ("self_assessment", 3, 102),
]
# every weeks, until week
ASYE_RHYTHM = [(1, 6), (2, 26), (4, None)]
ECP_RHYTHM = [(1, 6), (2, 26), (4, None)]


def ensure_templates(apps=None):
    """Create what is missing; safe to run again. `apps` is given in a data migration."""
    from django.utils.text import slugify

    def model(name):
        if apps is not None:
            return apps.get_model("portfolio", name)
        from django.apps import apps as live_apps

        return live_apps.get_model("portfolio", name)

    Framework = model("Framework")
    FrameworkItem = model("FrameworkItem")
    asye_framework, created = Framework.objects.get_or_create(
        name=ASYE_FRAMEWORK,
        defaults={
            "slug": slugify(ASYE_FRAMEWORK),
            "summary": "The nine domains of the Professional Capabilities Framework and the "
            "knowledge and skills statements for child and family practitioners, which "
            "apply until 31 March 2027.",
        },
    )
    if created:
        order = 0
        for n, name in enumerate(PCF_DOMAINS, start=1):
            FrameworkItem.objects.create(
                framework=asye_framework,
                group="PCF domain",
                code=f"PCF {n}",
                title=name,
                sort_order=order,
            )
            order += 1
        for n, name in enumerate(KSS_AREAS, start=1):
            FrameworkItem.objects.create(
                framework=asye_framework,
                group="Knowledge and skills statement",
                code=f"KSS {n}",
                title=name,
                sort_order=order,
            )
            order += 1
    ecp_framework, _ = Framework.objects.get_or_create(
        name=ECP_FRAMEWORK,
        defaults={
            "slug": slugify(ECP_FRAMEWORK),
            "summary": "Published by DfE on 18 February 2026, in force from 1 April 2027. "
            "An administrator enters the domains from DfE's publication.",
        },
    )
    _template(
        model,
        ASYE,
        asye_framework,
        12,
        "A newly qualified social worker's first year: a protected caseload, regular "
        "supervision, 10% protected development time, reviews at 3, 6 and 12 months and a "
        "recommendation moderated by a panel.",
        ASYE_POINTS,
        ASYE_REQUIREMENTS,
        ASYE_RHYTHM,
    )
    _template(
        model,
        ECP,
        ecp_framework,
        24,
        "The two-year programme that replaces the ASYE from September 2027. Check the points "
        "and requirements against DfE's programme guidance before a cohort starts on it.",
        ECP_POINTS,
        ECP_REQUIREMENTS,
        ECP_RHYTHM,
    )


def _template(model, name, framework, months, summary, points, requirements, rhythm):
    from django.utils.text import slugify

    template, created = model("ProgrammeTemplate").objects.get_or_create(
        name=name,
        defaults={
            "slug": slugify(name)[:150],
            "framework": framework,
            "duration_months": months,
            "summary": summary,
        },
    )
    if not created:
        return template
    for n, (kind, title, week, opens, optional) in enumerate(points):
        model("AssessmentPoint").objects.create(
            template=template,
            kind=kind,
            title=title,
            due_week=week,
            opens_weeks_before=opens,
            is_optional=optional,
            sort_order=n,
        )
    for n, (kind, minimum, week) in enumerate(requirements):
        model("Requirement").objects.create(
            template=template, kind=kind, minimum=minimum, due_week=week, sort_order=n
        )
    for n, (every, until) in enumerate(rhythm):
        model("SupervisionRule").objects.create(
            template=template, every_weeks=every, until_week=until, sort_order=n
        )
    return template
