"""Walk every protected URL with every role (see tests/access.py)."""

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests
from tests.access import Row

# URL namespaces and names that belong to libraries (allauth, Wagtail): tested upstream,
# and reached through the portal's own pages.
LIBRARY_MODULE_PREFIXES = ("allauth.", "wagtail.", "django.")


def _declared_rows() -> list[Row]:
    rows = []
    for module in pkgutil.iter_modules(tests.__path__):
        if not module.ispkg:
            continue
        try:
            access = importlib.import_module(f"tests.{module.name}.access")
        except ModuleNotFoundError:
            continue
        rows += access.ACCESS
    return rows


def _portal_url_names(resolver=None, namespace=None):
    resolver = resolver or get_resolver()
    names = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            module = getattr(pattern.urlconf_module, "__name__", "")
            if module.startswith(LIBRARY_MODULE_PREFIXES):
                continue
            ns = pattern.namespace
            full = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            names |= _portal_url_names(pattern, full)
        elif isinstance(pattern, URLPattern) and pattern.name:
            module = getattr(pattern.callback, "__module__", "")
            if module.startswith(LIBRARY_MODULE_PREFIXES) and pattern.name != "sitemap":
                continue
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


ROWS = _declared_rows()


def test_every_portal_url_declares_who_may_see_it():
    declared = {row.name for row in ROWS}
    missing = _portal_url_names() - declared
    assert not missing, f"Add rows to tests/<app>/access.py for: {sorted(missing)}"


@pytest.mark.django_db
@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
def test_each_role_gets_the_answer_the_matrix_expects(row, client_for, make_user):
    from tests.access import ALL_ROLES

    if callable(row.path):
        url = row.path(make_user)
    elif row.path:
        url = row.path
    else:
        kwargs = row.kwargs(make_user) if callable(row.kwargs) else row.kwargs
        url = reverse(row.name, kwargs=kwargs)
    got = {}
    expected = {}
    for role in [None, *sorted(ALL_ROLES)]:
        response = client_for(role).get(url)
        got[role] = response.status_code
        expected[role] = row.expected(role)
    wrong = {role: (got[role], expected[role]) for role in got if got[role] != expected[role]}
    assert not wrong, f"{url}: role -> (got, expected): {wrong}"
