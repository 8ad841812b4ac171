"""The permission matrix: for every protected URL, what each role gets.

Each app lists its URLs in `tests/<app>/access.py` as `ACCESS = [Row(...), ...]`.
`tests/test_access_matrix.py` checks every row with an anonymous visitor and with a fresh
user in every role, and fails if any named URL of the portal's own apps has no row, so
a new page cannot ship without someone deciding who may see it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from accounts.roles import ADMIN_ACCESS, ROLES


@dataclass
class Row:
    name: str
    # Roles that get the page (200, or the given `ok` status, e.g. a download).
    allowed: set[str] = field(default_factory=set)
    kwargs: dict | Callable = field(default_factory=dict)
    anonymous: int = 302  # sent to sign in
    others: int = 403  # signed in but not allowed
    ok: int = 200
    # Public URLs: everyone, anonymous included, gets `ok`.
    public: bool = False
    # For library-provided screens (Wagtail admin viewsets) give the path instead of a name,
    # or a function of make_user returning it (an inspect page needs a record).
    path: str | Callable | None = None

    @property
    def in_admin(self) -> bool:
        return callable(self.path) or bool(self.path and self.path.startswith("/admin/"))

    def expected(self, role: str | None) -> int:
        if self.public:
            return self.ok
        if role is None:
            return self.anonymous
        if role in self.allowed:
            return self.ok
        if self.in_admin and role not in ADMIN_ROLES:
            return 403  # the admin refuses people without admin access outright
        return self.others


ALL_ROLES = set(ROLES)
# Roles that may open the Wagtail admin at all (Wagtail itself sends those of them who
# lack a screen's permission back to the admin dashboard: 302).
ADMIN_ROLES = {role for role, spec in ROLES.items() if ADMIN_ACCESS in spec.permissions}
