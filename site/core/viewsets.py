"""The bases for the portal's back-office registers in the Wagtail admin.

Every model and snippet viewset, and every report, is built on these, so two promises hold
for the whole admin at once:

- Seeing a register needs its *view* permission. Wagtail's own views open the listing,
  the inspect page and the spreadsheet export to anyone holding add, change, delete or
  view; the portal's policy makes every admin action on a model need view first, so a
  permission held for a portal journey (a member of staff's `academy.add_booking`) never
  opens the admin register of everybody's bookings.
- Every spreadsheet export goes through `core.spreadsheets.safe_cell`, so a name typed as
  "=1+1" reaches Excel as text.
"""

from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.admin.views import generic
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.views import snippets

from .spreadsheets import safe_cell


class ViewFirstPermissionPolicy(ModelPermissionPolicy):
    """Model permissions where every action in the admin also needs `view`.

    With it, "any of add, change, delete or view" (what Wagtail asks before it shows a
    listing, an inspect page or an export) means exactly "holds view".
    """

    def user_has_permission(self, user, action):
        if not user.has_perm(self._get_permission_name("view")):
            return False
        return action == "view" or user.has_perm(self._get_permission_name(action))

    def users_with_any_permission(self, actions):
        viewers = super().users_with_any_permission(["view"])
        return super().users_with_any_permission(actions).filter(pk__in=viewers)


def register_view_first_policy(model) -> None:
    """Give `model` the portal's policy unless something registered one already."""
    if policy_registry.get_by_type(model, fallback=False) is None:
        register_permission_policy(model, ViewFirstPermissionPolicy(model), exact_class=True)


class SafeSpreadsheetExportMixin:
    """For any view using Wagtail's SpreadsheetExportMixin: formulas leave as text."""

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))


class PortalIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    pass


class PortalSnippetIndexView(SafeSpreadsheetExportMixin, snippets.IndexView):
    pass


class PortalReportView(SafeSpreadsheetExportMixin, ReportView):
    pass


class _ViewFirstMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Registered before Wagtail looks the policy up for the first time.
        register_view_first_policy(self.model)


class PortalModelViewSet(_ViewFirstMixin, ModelViewSet):
    """A ModelViewSet whose forms get the same fields as Wagtail's own edit forms.

    Wagtail's plain ModelViewSet builds its form with Django's defaults; this one applies
    Wagtail's registered overrides, so dates get the admin date picker and web addresses
    assume https.
    """

    index_view_class = PortalIndexView

    def formfield_for_dbfield(self, db_field, **kwargs):
        return formfield_for_dbfield(db_field, **kwargs)


class PortalSnippetViewSet(_ViewFirstMixin, snippets.SnippetViewSet):
    """A SnippetViewSet under the portal's view-first policy and safe exports."""

    index_view_class = PortalSnippetIndexView
