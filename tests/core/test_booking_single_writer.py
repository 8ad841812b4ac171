"""The booking engine (site/core/booking.py) is the only code that writes a booking's
status. This test reads every Python module of the portal and fails, naming the file and
line, when anything else assigns it: `booking.status = …`, `.update(status=…)`,
`.create(status=…)`, `defaults={"status": …}`, `update_fields=["status"]`, `setattr`,
or a form or admin screen that lets someone edit it.

Only the builders of demonstration, benchmark and test data may create bookings in a
chosen state (a past session's attendance, a waiting list to show): they describe
history rather than move a booking, and are listed below by name."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENGINE = "site/core/booking.py"
DATA_BUILDERS = {
    "academy/demo.py",
    "academy/factories.py",
    "fostering/demo.py",
    "fostering/factories.py",
    "bench/academy_reports.py",
}
SKIPPED_DIRS = {"tests", "migrations", "node_modules", ".venv", "var", "__pycache__"}
STATUS = "status"
# Calls whose `status=` keyword (or `defaults={"status": …}`) writes a row.
WRITING_CALLS = {"update", "create", "get_or_create", "update_or_create", "bulk_create"}
# Class attributes that list the fields a form or admin screen edits.
FORM_FIELD_LISTS = {"fields", "form_fields"}


def _modules():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if SKIPPED_DIRS & set(relative.parts[:-1]):
            continue
        yield relative.as_posix(), path


def _text(source, node) -> str:
    return ast.get_source_segment(source, node) or ""


def _about_bookings(*texts) -> bool:
    """Whether code mentions bookings: a booking variable, a Booking model, a bookings
    relation, or a BookingStatus value."""
    return any("book" in text.lower() for text in texts)


def _string_items(node):
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant)]
    return []


def _booking_model_class(node: ast.ClassDef) -> bool:
    """A form, viewset or admin class whose model (or Meta.model) is a booking model."""
    bodies = [node.body] + [
        item.body for item in node.body if isinstance(item, ast.ClassDef) and item.name == "Meta"
    ]
    for body in bodies:
        for item in body:
            if (
                isinstance(item, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "model" for t in item.targets)
                and isinstance(item.value, (ast.Name, ast.Attribute))
                and ast.unparse(item.value).endswith("Booking")
            ):
                return True
    return False


def status_writes(source: str) -> list[tuple[int, str]]:
    """(line, code) of every place in `source` that writes a booking status."""
    found = []
    tree = ast.parse(source)

    def flag(node):
        found.append((node.lineno, _text(source, node).splitlines()[0]))

    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if (
                    isinstance(target, ast.Attribute)
                    and target.attr == STATUS
                    and _about_bookings(_text(source, target.value), _text(source, node.value))
                ):
                    flag(node)
        elif isinstance(node, ast.Call):
            func = _text(source, node.func)
            name = node.func.attr if isinstance(node.func, ast.Attribute) else func
            if (
                name == "setattr"
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
                and node.args[1].value == STATUS
                and _about_bookings(_text(source, node))
            ):
                flag(node)
            for keyword in node.keywords:
                value = _text(source, keyword.value)
                if keyword.arg == STATUS and (
                    (name in WRITING_CALLS and _about_bookings(func, value))
                    or (name.endswith("Booking") and not name.endswith("Status"))
                ):
                    flag(node)
                if keyword.arg == "defaults" and isinstance(keyword.value, ast.Dict):
                    keys = [k.value for k in keyword.value.keys if isinstance(k, ast.Constant)]
                    if STATUS in keys and _about_bookings(func, value):
                        flag(node)
                if (
                    keyword.arg == "update_fields"
                    and STATUS in _string_items(keyword.value)
                    and _about_bookings(func)
                ):
                    flag(node)
            if (
                name == "bulk_update"
                and len(node.args) >= 2
                and STATUS in _string_items(node.args[1])
                and _about_bookings(func, _text(source, node.args[0]))
            ):
                flag(node)
        elif isinstance(node, ast.ClassDef) and _booking_model_class(node):
            for item in node.body:
                if (
                    isinstance(item, ast.Assign)
                    and any(
                        isinstance(t, ast.Name) and t.id in FORM_FIELD_LISTS for t in item.targets
                    )
                    and STATUS in _string_items(item.value)
                ):
                    flag(item)
                if isinstance(item, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "panels" for t in item.targets
                ):
                    for panel in getattr(item.value, "elts", []):
                        if (
                            isinstance(panel, ast.Call)
                            and panel.args
                            and isinstance(panel.args[0], ast.Constant)
                            and panel.args[0].value == STATUS
                            and not any(
                                k.arg == "read_only"
                                and isinstance(k.value, ast.Constant)
                                and k.value.value is True
                                for k in panel.keywords
                            )
                        ):
                            flag(panel)
    return found


def test_only_the_booking_engine_writes_a_booking_status():
    offenders = []
    for relative, path in _modules():
        if relative == ENGINE or relative in DATA_BUILDERS:
            continue
        for line, code in status_writes(path.read_text()):
            offenders.append(f"{relative}:{line}: {code.strip()}")
    assert offenders == [], (
        "Only site/core/booking.py may write a booking's status; call one of its "
        "operations instead:\n" + "\n".join(offenders)
    )


def test_the_engine_itself_is_found_writing_status():
    """The scan sees real writes: the engine's own are found (so an empty result above
    means the rest of the code truly has none)."""
    assert status_writes((ROOT / ENGINE).read_text())


def test_the_scan_catches_every_way_of_writing_a_status():
    caught = """
booking.status = BookingStatus.CONFIRMED
b.status = BookingStatus.NO_SHOW
setattr(booking, "status", value)
EventBooking.objects.filter(pk=1).update(status=BookingStatus.CANCELLED)
session.bookings.create(user=user, status=status)
Booking(session=session, status=BookingStatus.CONFIRMED)
PreparationBooking.objects.get_or_create(case=case, defaults={"status": "attended"})
booking.save(update_fields=["status", "updated_at"])
Booking.objects.bulk_update(bookings, ["status"])

class BookingViewSet(ModelViewSet):
    model = Booking
    form_fields = ["status", "decision_note"]

class BookingForm(forms.ModelForm):
    class Meta:
        model = EventBooking
        fields = ["name", "status"]

class EventBookingViewSet(SnippetViewSet):
    model = EventBooking
    panels = [FieldPanel("status"), FieldPanel("name")]
"""
    assert len(status_writes(caught)) == 12
    left_alone = """
application.status = ApplicationStatus.SUBMITTED
check.status = status
CpdEntry.objects.create(title="x", status=CpdEntry.Status.DRAFT)
Booking.objects.filter(status=BookingStatus.CONFIRMED).count()
if booking.status == BookingStatus.OFFERED: pass
response = render(request, "fostering/public/bad_link.html", status=400)

class EventBookingViewSet(SnippetViewSet):
    model = EventBooking
    panels = [FieldPanel("status", read_only=True)]
"""
    assert status_writes(left_alone) == []
