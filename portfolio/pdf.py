"""The whole portfolio as a PDF, for the NQSW's own records and their Social Work England
renewal. fpdf2 is pure Python (from PyPI alone); its built-in fonts are Latin-1, so text
is folded to it (curly quotes to straight, dashes to hyphens) rather than dropped."""

from fpdf import FPDF

from .models import (
    Agreement,
    EvidenceItem,
    Feedback,
    Observation,
    PanelDecision,
    Recommendation,
    Reflection,
    Review,
    SelfAssessment,
    SupervisionRecord,
)

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
        "\u00a0": " ",
        "\u2022": "-",
    }
)


def _text(value) -> str:
    text = str(value or "").translate(_FOLD)
    return text.encode("latin-1", "replace").decode("latin-1")


def _date(value) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


class _Document(FPDF):
    def __init__(self, title):
        super().__init__(format="A4")
        self.doc_title = title
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 18, 18)
        self.set_title(_text(title))
        self.set_author("Southampton City Council children's services")

    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 6, _text(f"{self.doc_title} - page {self.page_no()}"), align="C")

    def heading(self, text, size=14):
        self.ln(3)
        self.set_font("Helvetica", "B", size)
        self.multi_cell(0, 7, _text(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def field(self, label, value):
        if not value:
            return
        self.set_font("Helvetica", "B", 10)
        self.multi_cell(0, 5, _text(label), new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", size=10)
        self.multi_cell(0, 5, _text(value), new_x="LMARGIN", new_y="NEXT")
        self.ln(1)


def portfolio_pdf(portfolio) -> bytes:
    template = portfolio.template
    name = portfolio.nqsw.get_full_name() or portfolio.nqsw.email
    doc = _Document(f"{template.name}: portfolio of {name}")
    doc.add_page()
    doc.heading(f"{template.name}", 18)
    doc.field("Newly qualified social worker", name)
    profile = portfolio.profile
    if profile and profile.swe_registration_number:
        doc.field("Social Work England registration", profile.swe_registration_number)
    doc.field("Started", _date(portfolio.starts_on))
    doc.field("Outcome", portfolio.get_status_display())
    doc.field("Completed", _date(portfolio.completed_on))

    agreement = Agreement.objects.filter(portfolio=portfolio).first()
    if agreement:
        doc.heading("Support and assessment agreement")
        doc.field("Supervision arrangements", agreement.supervision_plan)
        doc.field("Protected development time", agreement.protected_time)
        doc.field("Protected caseload", agreement.caseload)
        doc.field("Learning and development needs", agreement.learning_needs)
        if agreement.is_agreed:
            doc.field("Agreed", _date(agreement.agreed_at.date()))

    sections = [
        (
            "Supervision",
            SupervisionRecord,
            lambda r: [
                (f"Supervision on {_date(r.held_on)} with {r.supervisor}", r.notes),
                ("Reflection", r.reflection),
            ],
        ),
        (
            "Reflections",
            Reflection,
            lambda r: [
                (f"{r.get_kind_display()}: {r.title} ({_date(r.written_on)})", r.text),
            ],
        ),
        (
            "Self-assessments",
            SelfAssessment,
            lambda r: [
                (f"{r.get_stage_display()}: strengths", r.strengths),
                ("Areas to develop", r.development),
            ],
        ),
        (
            "Feedback",
            Feedback,
            lambda r: [
                (f"{r.get_source_display()}, {r.given_by} ({_date(r.given_on)})", r.text),
            ],
        ),
        ("Evidence", EvidenceItem, lambda r: [(r.title, r.description)]),
        (
            "Direct observations",
            Observation,
            lambda r: [
                (f"{r.setting} ({_date(r.observed_on)})", r.observed),
                ("Analysis", r.analysis),
                ("Reflection by the NQSW", r.nqsw_reflection),
            ],
        ),
    ]
    for title, model, fields in sections:
        items = list(model.objects.filter(portfolio=portfolio).prefetch_related("items", "addenda"))
        if not items:
            continue
        doc.heading(title)
        for item in items:
            for label, value in fields(item):
                doc.field(label, value)
            tags = ", ".join(i.code for i in item.items.all())
            doc.field("Framework items", tags)
            for addendum in item.addenda.all():
                doc.field(f"Addendum, {_date(addendum.written_at.date())}", addendum.text)

    reviews = Review.objects.filter(portfolio=portfolio, signed_at__isnull=False).select_related(
        "point"
    )
    if reviews:
        doc.heading("Reviews")
        for review in reviews:
            doc.field(
                f"{review.point.title}, signed {_date(review.signed_at.date())}",
                f"{review.get_progress_display()}. {review.summary}",
            )
            doc.field("Progress on the action plan", review.action_plan_check)
            doc.field("Line manager's comments", review.manager_comment)

    recommendation = Recommendation.objects.filter(portfolio=portfolio).first()
    if recommendation:
        doc.heading("Final recommendation")
        doc.field("Recommendation", recommendation.get_outcome_display())
        doc.field("Reasons", recommendation.summary)
        for item, text in recommendation.domain_evidence.items():
            doc.field(item, text)
    decision = PanelDecision.objects.filter(portfolio=portfolio).first()
    if decision:
        doc.heading("Moderation panel")
        doc.field(
            "Decision",
            f"{'Confirmed' if decision.confirmed else 'Changed'}: "
            f"{decision.get_outcome_display()} ({_date(decision.decided_at.date())})",
        )
        doc.field("Reasons", decision.reasons)
    return bytes(doc.output())
