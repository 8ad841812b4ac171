"""Back office: applications and checks as Wagtail viewsets (filters, spreadsheet export),
plus menu links to the pipeline screens."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.viewsets.base import ViewSetGroup

from core.viewsets import PortalIndexView, PortalModelViewSet
from vacancies.models import Application, JobAlert, PreEmploymentCheck
from vacancies.permissions import staff_applications


class ApplicationIndexView(PortalIndexView):
    def get_base_queryset(self):
        # Same row-level rule as the pipeline screens.
        return staff_applications(self.request.user)


class ApplicationViewSet(PortalModelViewSet):
    """A read-only register of submitted applications; moves happen in the pipeline."""

    model = Application
    name = "recruitment_applications"
    url_prefix = "recruitment/applications"
    icon = "form"
    menu_label = "Applications"
    index_view_class = ApplicationIndexView
    list_display = [
        TitleColumn(
            "candidate_number",
            label="Candidate",
            get_url=lambda obj: reverse("vacancies:staff_application", args=[obj.pk]),
        ),
        "vacancy",
        "status",
        "submitted_at",
    ]
    list_filter = ["status", "vacancy", "withdrawal_reason", "submitted_at"]
    list_export = [
        "pk",
        "vacancy.title",
        "vacancy.reference",
        "status",
        "submitted_at",
        "status_changed_at",
        "withdrawal_reason",
    ]
    export_headings = {
        "pk": "Application number",
        "vacancy.title": "Vacancy",
        "vacancy.reference": "Reference",
    }
    export_filename = "applications"
    search_fields = ["vacancy__title", "vacancy__reference"]
    form_fields = ["withdrawal_reason"]
    copy_view_enabled = False


class CheckIndexView(PortalIndexView):
    def get_base_queryset(self):
        return PreEmploymentCheck.objects.filter(
            application__in=staff_applications(self.request.user)
        ).select_related("application__vacancy")


class PreEmploymentCheckViewSet(PortalModelViewSet):
    model = PreEmploymentCheck
    name = "recruitment_checks"
    url_prefix = "recruitment/checks"
    icon = "tasks"
    menu_label = "Pre-employment checks"
    index_view_class = CheckIndexView
    list_display = [
        TitleColumn(
            "kind",
            label="Check",
            get_url=lambda obj: reverse(
                "vacancies:staff_check", args=[obj.application_id, obj.kind]
            ),
        ),
        "application",
        "status",
        "checked_on",
    ]
    list_filter = ["kind", "status", "required"]
    list_export = [
        "application_id",
        "application.vacancy.reference",
        "kind",
        "status",
        "checked_on",
        "note",
    ]
    export_headings = {
        "application_id": "Application number",
        "application.vacancy.reference": "Vacancy reference",
    }
    export_filename = "pre-employment-checks"
    form_fields = ["status", "checked_on", "note"]
    copy_view_enabled = False


class JobAlertViewSet(PortalModelViewSet):
    model = JobAlert
    name = "recruitment_job_alerts"
    url_prefix = "recruitment/job-alerts"
    icon = "mail"
    menu_label = "Job alerts"
    list_display = ["email", "description", "frequency", "confirmed_at", "last_sent_at"]
    list_filter = ["frequency", "confirmed_at"]
    list_export = ["description", "frequency", "created_at", "confirmed_at", "last_sent_at"]
    export_filename = "job-alerts"
    search_fields = ["email", "description"]
    form_fields = ["frequency"]
    copy_view_enabled = False


class RecruitmentGroup(ViewSetGroup):
    menu_label = "Recruitment"
    menu_icon = "form"
    menu_order = 300
    items = (ApplicationViewSet, PreEmploymentCheckViewSet, JobAlertViewSet)


@hooks.register("register_admin_viewset")
def register_recruitment():
    return RecruitmentGroup()


class PipelineMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return user.has_perm("vacancies.view_application") or user.has_perm(
            "vacancies.shortlist_application"
        )


@hooks.register("register_admin_menu_item")
def pipeline_menu_item():
    return PipelineMenuItem(
        "Recruitment pipeline", reverse("vacancies:staff_index"), icon_name="tasks", order=290
    )
