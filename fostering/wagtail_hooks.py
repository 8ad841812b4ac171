from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views import generic
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.booking_admin import BookingActionButtons, BookingAdminMixin
from core.models import AccessLogEntry
from core.viewsets import PortalModelViewSet, PortalSnippetViewSet

from .models import (
    BankHoliday,
    EventBooking,
    FosteringCase,
    InformationEvent,
    PreparationSession,
)
from .permissions import VIEW_CASES, cases_for
from .services import cancel_event_booking


class _LoggedViewMixin:
    """Looking at a case's personal data in the back office is recorded, as on the team's
    own case page."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        AccessLogEntry.record(request.user, self.get_object())
        return response


class CaseEditView(_LoggedViewMixin, generic.EditView):
    pass


class CaseInspectView(_LoggedViewMixin, generic.InspectView):
    pass


class EventBookingEditView(BookingActionButtons, snippet_views.EditView):
    pass


class EventBookingViewSet(BookingAdminMixin, PortalSnippetViewSet):
    """Who booked which information event: for calling people about a change. The status
    is read-only; cancelling a place is an action that goes through the booking engine."""

    model = EventBooking
    panels = [
        FieldPanel("status", read_only=True),
        FieldPanel("session", read_only=True),
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("last_move", read_only=True, heading="Last change"),
        FieldPanel("moved_by", read_only=True, heading="Changed by"),
        FieldPanel("moved_at", read_only=True, heading="Changed at"),
    ]
    edit_view_class = EventBookingEditView
    booking_moves = ("cancel",)

    def perform_move(self, request, booking, name, note):
        cancel_event_booking(booking, by=request.user)

    icon = "list-ul"
    menu_label = "Event bookings"
    list_display = ["name", "email", "session", "status", "created_at"]
    list_filter = ["session", "status"]
    list_export = ["name", "email", "phone", "session", "status", "created_at"]
    export_filename = "information-event-bookings"
    search_fields = ["name", "email"]
    copy_view_enabled = False


class FosteringCaseViewSet(PortalModelViewSet):
    model = FosteringCase
    icon = "group"
    menu_label = "Fostering cases"
    menu_order = 300
    add_to_admin_menu = True
    list_display = [
        "reference",
        "first_name",
        "last_name",
        "stage",
        "assessing_worker",
        "enquired_at",
    ]
    list_filter = ["stage", "source", "assessing_worker", "supervising_team", "spare_bedroom"]
    list_export = [
        "reference",
        "first_name",
        "last_name",
        "email",
        "phone",
        "postcode",
        "stage",
        "source",
        "spare_bedroom",
        "enquired_at",
        "stage_changed_at",
        "closed_reason",
        "assessing_worker",
        "supervising_team",
        "application_received_on",
        "panel_date",
    ]
    export_filename = "fostering-cases"
    search_fields = ["reference", "first_name", "last_name", "email", "postcode"]
    form_fields = [
        "first_name",
        "last_name",
        "email",
        "phone",
        "preferred_call_time",
        "postcode",
        "household",
        "spare_bedroom",
        "source",
        "consent_to_contact",
        "assessing_worker",
        "supervising_team",
        "application_received_on",
        "panel_date",
        "panel_papers_sent_on",
        "panel_minutes_received_on",
        "assessment_completed_on",
        "panel_recommendation",
        "agency_decision",
    ]
    inspect_view_enabled = True
    copy_view_enabled = False
    edit_view_class = CaseEditView
    inspect_view_class = CaseInspectView

    def get_queryset(self, request):
        return cases_for(request.user)


class InformationEventViewSet(PortalSnippetViewSet):
    model = InformationEvent
    icon = "date"
    menu_label = "Information events"
    list_display = ["title", "starts_at", "format", "capacity", "places_left"]
    list_filter = ["format", "is_cancelled"]
    search_fields = ["title"]


class PreparationSessionViewSet(PortalSnippetViewSet):
    model = PreparationSession
    icon = "date"
    menu_label = "Skills to Foster sessions"
    list_display = ["title", "starts_at", "capacity", "places_left"]
    list_filter = ["is_cancelled"]


class BankHolidayViewSet(PortalSnippetViewSet):
    model = BankHoliday
    icon = "calendar"
    list_display = ["name", "date"]


class FosteringGroup(SnippetViewSetGroup):
    menu_label = "Fostering events"
    menu_icon = "date"
    menu_order = 310
    items = (
        InformationEventViewSet,
        EventBookingViewSet,
        PreparationSessionViewSet,
        BankHolidayViewSet,
    )


register_snippet(FosteringGroup)


@hooks.register("register_admin_viewset")
def register_fostering_cases():
    return FosteringCaseViewSet("fostering_cases", url_prefix="fostering-cases")


class _TeamMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_CASES)


@hooks.register("register_admin_menu_item")
def register_pipeline_menu_item():
    return _TeamMenuItem(
        "Fostering pipeline", reverse("fostering:dashboard"), icon_name="site", order=305
    )
