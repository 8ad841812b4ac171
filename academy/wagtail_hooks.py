"""The academy in the Wagtail back office: reference data and programmes as snippets,
sessions, bookings and completions as model viewsets with spreadsheet export."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.booking_admin import BookingActionButtons, BookingAdminMixin
from core.viewsets import PortalModelViewSet, PortalSnippetViewSet

from .admin_reports import REPORTS_PERMISSION, admin_urls
from .models import (
    Booking,
    Completion,
    CourseCategory,
    Enrolment,
    KssArea,
    PcfDomain,
    PracticeStrand,
    Programme,
    TrainingSession,
)
from .services.booking import ADMIN_MOVES, admin_move


class CourseCategoryViewSet(PortalSnippetViewSet):
    model = CourseCategory
    icon = "tag"
    list_display = ["name", "sort_order"]
    search_fields = ["name"]


class PracticeStrandViewSet(PortalSnippetViewSet):
    model = PracticeStrand
    icon = "pick"
    list_display = ["name", "sort_order"]


class PcfDomainViewSet(PortalSnippetViewSet):
    model = PcfDomain
    icon = "list-ol"
    list_display = ["name", "sort_order"]


class KssAreaViewSet(PortalSnippetViewSet):
    model = KssArea
    icon = "list-ol"
    list_display = ["name", "sort_order"]


class ProgrammeViewSet(PortalSnippetViewSet):
    model = Programme
    icon = "date"
    list_display = ["name", "auto_enrol", "duration_months", "is_active"]
    list_filter = ["is_active", "auto_enrol"]


class AcademyDataGroup(SnippetViewSetGroup):
    menu_label = "Academy data"
    menu_icon = "tag"
    menu_order = 820
    items = (
        ProgrammeViewSet,
        CourseCategoryViewSet,
        PracticeStrandViewSet,
        PcfDomainViewSet,
        KssAreaViewSet,
    )


register_snippet(AcademyDataGroup)


class TrainingSessionViewSet(PortalModelViewSet):
    model = TrainingSession
    name = "academy_sessions"
    url_prefix = "academy/sessions"
    icon = "date"
    menu_label = "Sessions"
    list_display = ["course", "starts_at", "venue", "trainer", "capacity", "needs_approval"]
    list_filter = ["course", "trainer", "needs_approval", "is_cancelled"]
    list_export = ["course", "starts_at", "ends_at", "venue", "trainer", "capacity"]
    search_fields = ["venue"]
    ordering = ["-starts_at"]
    form_fields = [
        "course",
        "starts_at",
        "ends_at",
        "capacity",
        "venue",
        "online_link",
        "trainer",
        "needs_approval",
        "booking_opens_at",
        "booking_closes_at",
        "notes",
        "is_cancelled",
    ]


class BookingEditView(BookingActionButtons, generic.EditView):
    pass


class BookingViewSet(BookingAdminMixin, PortalModelViewSet):
    """Bookings, read-only as to their status: approving, declining and cancelling are
    actions that go through the booking engine (places, waiting list, e-mails)."""

    model = Booking
    name = "academy_bookings"
    url_prefix = "academy/bookings"
    icon = "tick-inverse"
    menu_label = "Bookings"
    list_display = ["user", "session", "status", "created_at"]
    list_filter = ["status", "session__course"]
    list_export = ["user", "user.email", "session", "status", "created_at", "offer_expires_at"]
    search_fields = ["user.email", "user__last_name"]
    ordering = ["-created_at"]
    panels = [
        FieldPanel("status", read_only=True),
        FieldPanel("last_move", read_only=True, heading="Last change"),
        FieldPanel("moved_by", read_only=True, heading="Changed by"),
        FieldPanel("moved_at", read_only=True, heading="Changed at"),
        FieldPanel("decision_note"),
    ]
    inspect_view_enabled = True
    edit_view_class = BookingEditView
    booking_moves = ADMIN_MOVES

    def perform_move(self, request, booking, name, note):
        admin_move(booking, name, request.user, note=note)


class CompletionViewSet(PortalModelViewSet):
    model = Completion
    name = "academy_completions"
    url_prefix = "academy/completions"
    icon = "success"
    menu_label = "Completions"
    list_display = ["user", "course", "completed_on", "source"]
    list_filter = ["course", "source"]
    list_export = ["user", "user.email", "course", "completed_on", "source"]
    search_fields = ["user.email", "user__last_name"]
    form_fields = ["user", "course", "completed_on", "source"]


class EnrolmentViewSet(PortalModelViewSet):
    """Who is on each programme (the ASYE, the corporate induction), enrolling by hand,
    and the completion date: written automatically for programmes made only of courses,
    by L&D for those with reviews or other milestones."""

    model = Enrolment
    name = "academy_enrolments"
    url_prefix = "academy/enrolments"
    icon = "list-ul"
    menu_label = "Programme enrolments"
    list_display = ["user", "programme", "starts_on", "course_progress", "completed_on"]
    list_filter = ["programme", "starts_on", "completed_on"]
    list_export = [
        "user",
        "user.email",
        "programme",
        "starts_on",
        "course_progress",
        "completed_on",
    ]
    search_fields = ["user__email", "user__last_name", "user__first_name"]
    ordering = ["-starts_on"]
    form_fields = ["user", "programme", "starts_on", "completed_on"]


class AcademyGroup(ViewSetGroup):
    menu_label = "Academy"
    menu_icon = "group"
    menu_order = 300
    items = (TrainingSessionViewSet, BookingViewSet, CompletionViewSet, EnrolmentViewSet)


@hooks.register("register_admin_viewset")
def register_academy_viewsets():
    return AcademyGroup()


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORTS_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_academy_reports_menu_item():
    return ReportsMenuItem(
        "Academy: training and compliance", reverse("academy:reports"), icon_name="table"
    )


@hooks.register("register_admin_urls")
def register_academy_report_urls():
    return admin_urls()


@hooks.register("register_reports_menu_item")
def register_academy_sessions_report_menu_item():
    return ReportsMenuItem(
        "Academy: sessions", reverse("academy_sessions_report"), icon_name="date"
    )


@hooks.register("register_reports_menu_item")
def register_academy_compliance_report_menu_item():
    return ReportsMenuItem(
        "Academy: mandatory training by person",
        reverse("academy_compliance_report"),
        icon_name="success",
    )
