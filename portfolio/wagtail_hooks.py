"""The programme's shape in the Wagtail back office: frameworks, templates and cohorts as
snippets administrators edit; portfolios for the coordinator to open and assign."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Cohort, Framework, ModerationPanel, Portfolio, ProgrammeTemplate


class FrameworkViewSet(SnippetViewSet):
    model = Framework
    icon = "list-ol"
    list_display = ["name"]


class ProgrammeTemplateViewSet(SnippetViewSet):
    model = ProgrammeTemplate
    icon = "date"
    list_display = ["name", "duration_months", "framework"]


class CohortViewSet(SnippetViewSet):
    model = Cohort
    icon = "group"
    list_display = ["name", "template", "starts_on"]


class ModerationPanelViewSet(SnippetViewSet):
    model = ModerationPanel
    icon = "calendar"
    list_display = ["meets_on", "where"]


class PortfolioViewSet(SnippetViewSet):
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
