"""The programme's shape in the Wagtail back office: frameworks, templates and cohorts as
snippets administrators edit; portfolios for the coordinator to open and assign."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.viewsets import PortalSnippetViewSet

from .models import Cohort, Framework, ModerationPanel, Portfolio, ProgrammeTemplate


class FrameworkViewSet(PortalSnippetViewSet):
    model = Framework
    icon = "list-ol"
    list_display = ["name"]


class ProgrammeTemplateViewSet(PortalSnippetViewSet):
    model = ProgrammeTemplate
    icon = "date"
    list_display = ["name", "duration_months", "framework"]


class CohortViewSet(PortalSnippetViewSet):
    model = Cohort
    icon = "group"
    list_display = ["name", "template", "starts_on"]


class ModerationPanelViewSet(PortalSnippetViewSet):
    model = ModerationPanel
    icon = "calendar"
    list_display = ["meets_on", "where"]


class PortfolioViewSet(PortalSnippetViewSet):
    model = Portfolio
    icon = "folder-open-inverse"
    list_display = ["nqsw", "cohort", "assessor", "starts_on", "status", "panel"]
    list_filter = ["status", "cohort"]
    form_fields = ["nqsw", "cohort", "assessor", "starts_on", "enrolment", "panel"]


class PortfolioGroup(SnippetViewSetGroup):
    menu_label = "Early-career portfolio"
    menu_icon = "folder-open-inverse"
    menu_order = 260
    items = (
        PortfolioViewSet,
        ModerationPanelViewSet,
        CohortViewSet,
        ProgrammeTemplateViewSet,
        FrameworkViewSet,
    )


register_snippet(PortfolioGroup)
