from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.viewsets import PortalModelViewSet, PortalSnippetViewSet

from .models import JobRole, Locality, RoleFamily, StaffProfile, Team


class LocalityViewSet(PortalSnippetViewSet):
    model = Locality
    icon = "site"
    list_display = ["name"]
    search_fields = ["name"]


class TeamViewSet(PortalSnippetViewSet):
    model = Team
    icon = "group"
    list_display = ["name", "kind", "locality"]
    list_filter = ["kind", "locality"]
    search_fields = ["name"]


class JobRoleViewSet(PortalSnippetViewSet):
    model = JobRole
    icon = "user"
    list_display = ["name", "requires_swe_registration"]
    list_filter = ["requires_swe_registration"]
    search_fields = ["name"]


class RoleFamilyViewSet(PortalSnippetViewSet):
    model = RoleFamily
    icon = "list-ul"
    list_display = ["name", "sort_order"]
    search_fields = ["name"]


class WorkforceDataGroup(SnippetViewSetGroup):
    menu_label = "Workforce data"
    menu_icon = "group"
    menu_order = 800
    items = (TeamViewSet, LocalityViewSet, JobRoleViewSet, RoleFamilyViewSet)


register_snippet(WorkforceDataGroup)


class StaffProfileViewSet(PortalModelViewSet):
    model = StaffProfile
    icon = "user"
    menu_label = "Staff records"
    menu_order = 810
    add_to_admin_menu = True
    list_display = ["user", "job_role", "team", "locality", "employment_type", "start_date"]
    list_filter = ["employment_type", "team", "locality", "job_role", "is_nqsw_first_year"]
    list_export = [
        "user",
        "user.email",
        "job_role",
        "team",
        "locality",
        "employment_type",
        "start_date",
        "end_date",
        "swe_registration_number",
        "swe_renewal_date",
        "is_nqsw_first_year",
    ]
    export_filename = "staff-records"
    search_fields = ["user__first_name", "user__last_name", "user__email"]
    form_fields = [
        "user",
        "employment_type",
        "job_role",
        "team",
        "locality",
        "line_manager",
        "start_date",
        "end_date",
        "swe_registration_number",
        "swe_renewal_date",
        "is_nqsw_first_year",
    ]
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def register_staff_profiles():
    return StaffProfileViewSet("staff_records")
