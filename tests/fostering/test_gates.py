"""What each move needs (pipeline.GATES), the one door that moves a case (services.move_case),
the page that shows what is missing, and an administrator's override with a written reason."""

import ast
import datetime
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from core.booking import BookingStatus
from fostering.factories import (
    FosteringCaseFactory,
    PreparationSessionFactory,
    advance,
    satisfy_gates,
    walk_to,
)
from fostering.models import FosteringCase, PreparationBooking, StageMove
from fostering.pipeline import GATES, Stage
from fostering.services import PipelineError, add_household_member, move_case

pytestmark = pytest.mark.django_db


def at_agency_decision_on_paper(**kwargs):
    """A case put at the agency decision with none of the facts behind it (as a bad import
    or an old record might leave it)."""
    return FosteringCaseFactory(stage=Stage.AGENCY_DECISION, **kwargs)


def test_a_premature_approval_through_the_team_page_is_refused_and_says_what_is_missing(
    client_for,
):
    client = client_for("fostering team")
    case = at_agency_decision_on_paper()
    response = client.post(
        reverse("fostering:case_move", args=[case.pk]), {"to_stage": "approved", "note": ""}
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "cannot move to “Approved” yet" in text
    assert "Book Skills to Foster and record the household&#x27;s attendance" in text
    assert "Record the date the assessment (Form F) was completed" in text
    assert "Record the panel&#x27;s recommendation" in text
    case.refresh_from_db()
    assert case.stage == Stage.AGENCY_DECISION and not StageMove.objects.exists()


def test_a_forged_post_cannot_skip_a_gate_or_forge_an_override(client_for):
    client = client_for("fostering team")
    case = at_agency_decision_on_paper()
    response = client.post(
        reverse("fostering:case_move", args=[case.pk]),
        {"to_stage": "approved", "override_reason": "Trust me"},
    )
    text = response.content.decode()
    assert "cannot move to “Approved” yet" in text
    case.refresh_from_db()
    assert case.stage == Stage.AGENCY_DECISION and not StageMove.objects.exists()
    # Nor can a team member override when calling the service (as a task would).
    with pytest.raises(PipelineError, match="Only an administrator"):
        move_case(case, Stage.APPROVED, by=client.user, override_reason="Trust me")
    case.refresh_from_db()
    assert case.stage == Stage.AGENCY_DECISION and not StageMove.objects.exists()


def test_approval_before_the_booked_training_has_been_attended_is_refused(make_user):
    worker = make_user("fostering team")
    case = FosteringCaseFactory()
    walk_to(case, Stage.AGENCY_DECISION, by=worker)
    # The training is booked again for a session still to come (not attended).
    session = PreparationSessionFactory()
    PreparationBooking.objects.create(session=session, case=case, status=BookingStatus.CONFIRMED)
    with pytest.raises(PipelineError, match="Record attendance at the 1 Skills to Foster"):
        move_case(case, Stage.APPROVED, by=worker)
    PreparationBooking.objects.filter(session=session).update(status=BookingStatus.ATTENDED)
    move_case(case, Stage.APPROVED, by=worker)
    case.refresh_from_db()
    assert case.stage == Stage.APPROVED


def test_stage_two_needs_every_adults_stage_one_checks_complete(make_user):
    worker = make_user("fostering team")
    case = FosteringCaseFactory(assessing_worker=worker)
    walk_to(case, Stage.TRAINING, by=worker)  # the applicant, with their checks open
    lodger = add_household_member(case, name="Pat Lodger", relationship="other_adult")
    with pytest.raises(PipelineError) as refused:
        move_case(case, Stage.STAGE_TWO, by=worker)
    assert any(
        "Pat Lodger (Enhanced DBS, Local authority checks)" in m for m in refused.value.missing
    )
    assert "Stage 1 check(s) not yet complete" in refused.value.message
    case.refresh_from_db()
    assert case.stage == Stage.TRAINING
    lodger.checks.update(completed_on=timezone.localdate(), outcome="satisfactory")
    case.checks.update(completed_on=timezone.localdate(), outcome="satisfactory")
    move_case(case, Stage.STAGE_TWO, by=worker)
    case.refresh_from_db()
    assert case.stage == Stage.STAGE_TWO


def test_stage_one_needs_a_household_and_the_visit_an_assigned_worker(make_user):
    worker = make_user("fostering team")
    case = FosteringCaseFactory()
    move_case(case, Stage.INITIAL_CALL, by=worker)
    with pytest.raises(PipelineError, match="Assign an assessing social worker"):
        move_case(case, Stage.INITIAL_VISIT, by=worker)
    FosteringCase.objects.filter(pk=case.pk).update(assessing_worker=worker)
    move_case(case, Stage.INITIAL_VISIT, by=worker)
    move_case(case, Stage.APPLICATION, by=worker)
    with pytest.raises(PipelineError, match="Add the household members"):
        move_case(case, Stage.STAGE_ONE, by=worker)


def test_the_case_page_shows_what_each_next_step_still_needs(client_for):
    client = client_for("fostering team")
    case = FosteringCaseFactory(stage=Stage.STAGE_TWO, assessing_worker=client.user)
    page = client.get(reverse("fostering:case_detail", args=[case.pk])).content.decode()
    needs = page[page.index('id="needs-panel_booked"') :]
    needs = needs[: needs.index("</ul>")]
    assert "Record the date the assessment (Form F) was completed" in needs
    assert "Set the panel date" in needs
    assert "Done</strong> An assessing social worker is assigned" in needs
    satisfy_gates(case, Stage.PANEL_BOOKED, worker=client.user)
    page = client.get(reverse("fostering:case_detail", args=[case.pk])).content.decode()
    needs = page[page.index('id="needs-panel_booked"') :]
    needs = needs[: needs.index("</ul>")]
    assert "Missing" not in needs


def test_an_administrator_overrides_a_gate_only_with_a_reason_and_the_history_shows_it(
    client_for,
):
    client = client_for("administrator")
    case = at_agency_decision_on_paper()
    page = client.get(reverse("fostering:case_detail", args=[case.pk])).content.decode()
    assert "Reason for overriding what is missing" in page
    url = reverse("fostering:case_move", args=[case.pk])
    refused = client.post(url, {"to_stage": "approved"}).content.decode()
    assert "cannot move to “Approved” yet" in refused
    reason = "Panel and decision held on paper in 2025; records migrated from the old system"
    response = client.post(url, {"to_stage": "approved", "override_reason": reason})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.stage == Stage.APPROVED
    move = StageMove.objects.get(case=case)
    assert move.override_reason == reason and move.by == client.user
    assert "Record the panel's recommendation." in move.overridden
    history = client.get(reverse("fostering:case_detail", args=[case.pk])).content.decode()
    timeline = history[history.index('id="timeline"') :]
    assert "Moved on before everything it needed was recorded" in timeline
    assert reason in timeline


def test_the_team_page_offers_no_override_to_the_team(client_for):
    client = client_for("fostering team")
    case = at_agency_decision_on_paper()
    page = client.get(reverse("fostering:case_detail", args=[case.pk])).content.decode()
    assert "Reason for overriding" not in page


def test_the_admin_is_not_a_side_door_for_the_stage(client_for):
    client = client_for("administrator")
    case = FosteringCaseFactory()
    form = client.get(f"/admin/fostering-cases/edit/{case.pk}/").content.decode()
    assert 'name="stage"' not in form
    client.post(
        f"/admin/fostering-cases/edit/{case.pk}/",
        {
            "first_name": case.first_name,
            "last_name": case.last_name,
            "email": case.email,
            "phone": case.phone,
            "postcode": case.postcode,
            "spare_bedroom": case.spare_bedroom,
            "source": case.source,
            "stage": "approved",
        },
    )
    case.refresh_from_db()
    assert case.stage == Stage.ENQUIRY and not case.moves.exists()


def test_every_gate_is_reachable_through_the_demo_helpers(make_user):
    """satisfy_gates meets every gate the table names (what the demo and tests rely on)."""
    worker = make_user("fostering team")
    for stage in GATES:
        case = FosteringCaseFactory()
        satisfy_gates(case, stage, worker=worker)
        case.refresh_from_db()
        assert all(gate.missing(case, timezone.localdate()) is None for gate in GATES[stage])


def test_moves_are_dated_when_made_and_the_gate_reads_that_day(make_user):
    worker = make_user("fostering team")
    case = FosteringCaseFactory(stage=Stage.PANEL_BOOKED)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    FosteringCase.objects.filter(pk=case.pk).update(
        panel_date=tomorrow,
        panel_papers_sent_on=timezone.localdate(),
        panel_recommendation="approve",
    )
    with pytest.raises(PipelineError, match="wait until it has met"):
        move_case(case, Stage.PANEL_RECOMMENDATION, by=worker)
    advance(
        case,
        Stage.PANEL_RECOMMENDATION,
        by=worker,
        now=timezone.now() + datetime.timedelta(days=1),
    )
    case.refresh_from_db()
    assert case.stage == Stage.PANEL_RECOMMENDATION


# --- The one writer --------------------------------------------------------------------

# Tests build their cases as fixtures; migrations are history. Everything else is scanned.
SKIP_PARTS = {"tests", "migrations", ".venv", "node_modules"}


def _project_sources():
    root = Path(__file__).resolve().parents[2]
    for path in root.rglob("*.py"):
        if SKIP_PARTS & set(path.relative_to(root).parts):
            continue
        # Other apps have their own `stage` fields (a portfolio's self-assessment stage):
        # only code that can reach a fostering case is scanned.
        if "fostering" not in path.read_text(encoding="utf-8"):
            continue
        yield root, path


def _stage_writes(tree):
    """Where this module writes a `stage` field: `x.stage = …`, `.update(stage=…)`,
    `setattr(x, "stage", …)` or `update_fields=[…"stage"…]`, by enclosing function."""
    found = []

    class Finder(ast.NodeVisitor):
        def __init__(self):
            self.function = None

        def visit_FunctionDef(self, node):
            outer, self.function = self.function, node.name
            self.generic_visit(node)
            self.function = outer

        def _target(self, target, node):
            if isinstance(target, ast.Attribute) and target.attr == "stage":
                found.append((self.function, node.lineno))

        def visit_Assign(self, node):
            for target in node.targets:
                self._target(target, node)
            self.generic_visit(node)

        def visit_AugAssign(self, node):
            self._target(node.target, node)
            self.generic_visit(node)

        def visit_Call(self, node):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in {"update", "bulk_update", "update_or_create"} and any(
                k.arg == "stage" for k in node.keywords
            ):
                found.append((self.function, node.lineno))
            if name == "setattr" and len(node.args) > 1:
                field = node.args[1]
                if isinstance(field, ast.Constant) and field.value == "stage":
                    found.append((self.function, node.lineno))
            for keyword in node.keywords:
                if keyword.arg in {"update_fields", "fields"} and "'stage'" in ast.dump(
                    keyword.value
                ):
                    found.append((self.function, node.lineno))
            self.generic_visit(node)

    Finder().visit(tree)
    return found


def test_nothing_but_the_move_function_writes_a_case_stage():
    offenders = []
    for root, path in _project_sources():
        source = path.read_text(encoding="utf-8")
        if "stage" not in source:
            continue
        for function, line in _stage_writes(ast.parse(source)):
            where = f"{path.relative_to(root)}:{line} in {function}()"
            if (str(path.relative_to(root)), function) != ("fostering/services.py", "move_case"):
                offenders.append(where)
    assert offenders == [], "Only fostering.services.move_case may write a case's stage"


def test_the_scan_would_catch_a_side_door():
    side_door = ast.parse(
        "def sneak(case):\n"
        "    case.stage = 'approved'\n"
        "    FosteringCase.objects.filter(pk=1).update(stage='approved')\n"
        "    setattr(case, 'stage', 'approved')\n"
        "    case.save(update_fields=['stage'])\n"
    )
    assert [line for _, line in _stage_writes(side_door)] == [2, 3, 4, 5]


def test_the_services_do_not_import_the_tasks():
    """services -> tasks -> services was a cycle; the services now announce their changes
    (fostering/signals.py) and signal_handlers.py calls the tasks."""
    root = Path(__file__).resolve().parents[2]
    tree = ast.parse((root / "fostering" / "services.py").read_text(encoding="utf-8"))
    imported = [
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    ]
    assert not [m for m in imported if m.endswith("tasks")]
