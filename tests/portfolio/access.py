"""Who may open each portfolio screen. Portfolios are the NQSW's own, their assessor's and
their line manager's; the coordinator sees every one; everyone else gets 404 (the page
does not exist for them), never a hint that the portfolio is there."""

from accounts.roles import Role
from tests.access import Row

COORDINATOR = {Role.PROGRAMME_COORDINATOR}


def _portfolio(make_user):
    from portfolio import factories as f

    return f.agree(f.make_portfolio(weeks_in=20))


def _pk(make_user):
    return {"pk": _portfolio(make_user).pk}


def _record(make_user):
    import datetime

    from portfolio import factories as f

    portfolio = _portfolio(make_user)
    record = f.add_supervision(portfolio, portfolio.starts_on + datetime.timedelta(weeks=2))
    return {"pk": portfolio.pk, "kind": "supervision", "record_id": record.pk}


def _evidence(make_user):
    from django.core.files.base import ContentFile

    from portfolio.models import EvidenceItem

    portfolio = _portfolio(make_user)
    item = EvidenceItem(
        portfolio=portfolio, title="Court statement", description="A statement I wrote."
    )
    item.document.save("statement.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    return {"pk": portfolio.pk, "record_id": item.pk}


def _review(make_user):
    portfolio = _portfolio(make_user)
    return {"pk": portfolio.pk, "point_id": portfolio.template.points.first().pk}


def _add(make_user):
    return {"pk": _portfolio(make_user).pk, "kind": "supervision"}


def _panel_reference(make_user):
    from portfolio import factories as f
    from portfolio.services.outcome import recommend

    portfolio = f.ready_for_recommendation(f.make_portfolio(weeks_in=50))
    recommend(portfolio, outcome="pass", summary="Ready.", by=portfolio.assessor)
    return {"reference": portfolio.panel_reference}


ACCESS = [
    Row(
        "portfolio:entry",
        {Role.ASYE_ASSESSOR, Role.PROGRAMME_COORDINATOR, Role.MODERATION_PANEL, Role.LINE_MANAGER},
        others=404,
    ),
    Row("portfolio:cohort", COORDINATOR, others=404),
    Row("portfolio:cohort_export", COORDINATOR, kwargs={"fmt": "csv"}, others=404),
    Row("portfolio:panel", {Role.MODERATION_PANEL}, others=404),
    Row("portfolio:panel_portfolio", {Role.MODERATION_PANEL}, _panel_reference, others=404),
    Row("portfolio:detail", COORDINATOR, _pk, others=404),
    Row("portfolio:agreement", COORDINATOR, _pk, others=404),
    Row("portfolio:recommendation", COORDINATOR, _pk, others=404),
    Row("portfolio:review", COORDINATOR, _review, others=404),
    Row("portfolio:record", COORDINATOR, _record, others=404),
    Row("portfolio:evidence_document", COORDINATOR, _evidence, others=404),
    # Recording is for the NQSW (or their assessor); the coordinator only reads.
    Row("portfolio:add", set(), _add, others=404),
    # Only the NQSW, and only after a confirmed pass.
    Row("portfolio:pdf", set(), _pk, others=404),
]
