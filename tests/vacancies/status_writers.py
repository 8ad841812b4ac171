"""Find code that writes an application's status, by reading the source (no imports).

Used by test_state_machine.py: `transition()` in vacancies/services/transitions.py must be
the only writer of `Application.status`. A write is any of
- an assignment to `<something>.status` (plain, augmented or annotated) or
  `setattr(<something>, "status", ...)`;
- `status=` (or `"status"` in `defaults={...}`) in a call to `update`, `create`,
  `get_or_create`, `update_or_create` or an `Application(...)`/`ApplicationFactory(...)`
  constructor;
- `"status"` in the field list of `save(update_fields=...)` or `bulk_update(...)`;
- `status = ...` in the body of a class (a factory's default), other than the model's
  own field declaration.
It counts as a write to an *application's* status when the written object, the queryset
or the value names an application: the receiver's source mentions "application"
(`application.status`, `Application.objects...`), the value refers to `ApplicationStatus`
or an alias of it (`S = ApplicationStatus`), or the value is one of the application
status strings in a module that imports from the vacancies app. Other models' statuses
(pre-employment checks, bookings) use other enums and names, so they are not reported.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

WRITE_METHODS = {"update", "create", "get_or_create", "update_or_create"}
CONSTRUCTORS = {"Application", "ApplicationFactory"}


@dataclass(frozen=True)
class Write:
    path: str
    line: int
    code: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.code}"


def _declares_a_field(value) -> bool:
    """`status = models.CharField(...)`: the model declaring its column, not a write."""
    if not isinstance(value, ast.Call):
        return False
    name = ast.unparse(value.func).split(".")[-1]
    return name.endswith("Field")


def _aliases(tree) -> set[str]:
    names = {"ApplicationStatus"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name | ast.Attribute):
            value = ast.unparse(node.value)
            if value.split(".")[-1] in names:
                names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return names


class _Finder(ast.NodeVisitor):
    def __init__(self, source: str, path: str, status_values: set[str]):
        self.tree = ast.parse(source)
        self.path = path
        self.status_values = status_values
        self.aliases = _aliases(self.tree)
        self.imports_vacancies = "vacancies" in source and "Application" in source
        self.writes: list[Write] = []

    def run(self) -> list[Write]:
        self.visit(self.tree)
        return self.writes

    # -- deciding whether a write is an application's -----------------------------------
    def _names_application(self, *nodes) -> bool:
        for node in nodes:
            if node is None:
                continue
            text = ast.unparse(node)
            if "application" in text.lower() and "applicationstatuschange" not in text.lower():
                return True
            for sub in ast.walk(node):
                if isinstance(sub, ast.Name) and sub.id in self.aliases:
                    return True
                if (
                    self.imports_vacancies
                    and isinstance(sub, ast.Constant)
                    and sub.value in self.status_values
                ):
                    return True
        return False

    def _report(self, node, *context):
        if self._names_application(*context):
            self.writes.append(Write(self.path, node.lineno, ast.unparse(node).splitlines()[0]))

    # -- the shapes of a write ----------------------------------------------------------
    def _assigned(self, node, targets, value):
        for target in targets:
            for sub in ast.walk(target):
                if isinstance(sub, ast.Attribute) and sub.attr == "status":
                    self._report(node, sub.value, value)

    def visit_Assign(self, node):
        self._assigned(node, node.targets, node.value)
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        self._assigned(node, [node.target], node.value)
        self.generic_visit(node)

    def visit_AnnAssign(self, node):
        if node.value is not None:
            self._assigned(node, [node.target], node.value)
        self.generic_visit(node)

    def visit_ClassDef(self, node):
        for statement in node.body:
            if isinstance(statement, ast.Assign | ast.AnnAssign):
                targets = (
                    statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                )
                names_status = any(isinstance(t, ast.Name) and t.id == "status" for t in targets)
                if names_status and not _declares_a_field(statement.value):
                    self._report(statement, statement.value)
        self.generic_visit(node)

    def visit_Call(self, node):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        receiver = func.value if isinstance(func, ast.Attribute) else func
        keywords = {k.arg: k.value for k in node.keywords if k.arg}
        if name == "setattr" and len(node.args) >= 2:
            key = node.args[1]
            if isinstance(key, ast.Constant) and key.value == "status":
                self._report(node, node.args[0], *node.args[2:])
        elif name in WRITE_METHODS or name in CONSTRUCTORS:
            written = []
            if "status" in keywords:
                written.append(keywords["status"])
            defaults = keywords.get("defaults")
            if isinstance(defaults, ast.Dict):
                written += [
                    v
                    for k, v in zip(defaults.keys, defaults.values, strict=True)
                    if isinstance(k, ast.Constant) and k.value == "status"
                ]
            if written:
                if name in CONSTRUCTORS:
                    self.writes.append(Write(self.path, node.lineno, ast.unparse(node)[:120]))
                else:
                    self._report(node, receiver, *written)
        elif name in {"save", "bulk_update"}:
            fields = keywords.get("update_fields") or keywords.get("fields")
            if fields is None and name == "bulk_update" and len(node.args) >= 2:
                fields = node.args[1]
            if fields is not None and any(
                isinstance(sub, ast.Constant) and sub.value == "status" for sub in ast.walk(fields)
            ):
                self._report(node, receiver, *node.args)
        self.generic_visit(node)


def find_status_writes(source: str, path: str, status_values: set[str]) -> list[Write]:
    return _Finder(source, path, status_values).run()


def source_files(root: Path):
    """Every Python file of the portal except tests, migrations and virtual environments."""
    skipped = {"tests", "migrations", ".venv", "venv", "node_modules", ".git", "var"}
    for path in sorted(root.rglob("*.py")):
        if not skipped & set(path.relative_to(root).parts):
            yield path
