"""Reference data of the agency register, kept by the workforce lead in the admin:
agencies, DfE's price caps (per region, job type and period) and project teams."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.viewsets import PortalSnippetViewSet

from .models import Agency, PriceCap, ProjectTeam


class AgencyViewSet(PortalSnippetViewSet):
    model = Agency
    icon = "group"
    list_display = ["name", "contact_email"]
    search_fields = ["name"]


class PriceCapViewSet(PortalSnippetViewSet):
    model = PriceCap
    icon = "doc-full"
    list_display = ["region", "job_type", "hourly_cap", "effective_from", "effective_to"]
    list_filter = ["region", "job_type"]
    list_export = ["region", "job_type", "hourly_cap", "effective_from", "effective_to"]


class ProjectTeamViewSet(PortalSnippetViewSet):
    model = ProjectTeam
    icon = "group"
    list_display = ["name", "agency"]


class AgencyRegisterGroup(SnippetViewSetGroup):
    menu_label = "Agency register"
    menu_icon = "group"
    items = (AgencyViewSet, PriceCapViewSet, ProjectTeamViewSet)


register_snippet(AgencyRegisterGroup)
