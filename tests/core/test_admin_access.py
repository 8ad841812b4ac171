"""The admin's registers are all built on the portal's bases (core/viewsets.py) and all
declared in the access matrix (tests/core/access.py)."""

import pytest
from django.urls import reverse
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

from core.viewsets import SafeSpreadsheetExportMixin, ViewFirstPermissionPolicy
from tests.core.access import ADMIN_REGISTERS


def _portal_viewsets():
    viewsets.populate()
    found = []
    for viewset in viewsets.viewsets:
        items = getattr(viewset, "viewsets", None) or [viewset]
        for item in items:
            if isinstance(item, ModelViewSet) and not type(item).__module__.startswith("wagtail."):
                found.append(item)
    return found


def test_the_portal_registers_its_own_viewsets():
    labels = {viewset.model._meta.label for viewset in _portal_viewsets()}
    assert {"academy.Booking", "fostering.FosteringCase", "fostering.EventBooking"} <= labels


@pytest.mark.parametrize("viewset", _portal_viewsets(), ids=lambda v: v.model._meta.label)
def test_every_admin_register_needs_view_and_writes_safe_spreadsheets(viewset):
    assert isinstance(policy_registry.get_by_type(viewset.model), ViewFirstPermissionPolicy)
    assert issubclass(viewset.index_view_class, SafeSpreadsheetExportMixin)


@pytest.mark.parametrize("viewset", _portal_viewsets(), ids=lambda v: v.model._meta.label)
def test_every_admin_register_is_in_the_matrix(viewset):
    declared = {register.index for register in ADMIN_REGISTERS}
    # Snippet listings are named "list", model viewset listings "index".
    name = "list" if hasattr(viewset.model, "snippet_viewset") else "index"
    assert reverse(viewset.get_url_name(name)) in declared
