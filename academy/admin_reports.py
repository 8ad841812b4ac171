"""L&D's per-row lists as Wagtail report views: filters, sorting and Wagtail's own CSV and
XLSX export. The academy's figures pages (academy/views/reports.py) keep the per-course
and per-group totals and the background XLSX for very large session exports."""

import django_filters
from django.db.models import Count, DecimalField, F, OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce, NullIf
from django.urls import path
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column

from accounts.models import EmploymentType, JobRole, Locality, StaffProfile, Team, User
from core.booking import HOLDS_PLACE, BookingStatus
from core.viewsets import PortalReportView

from .models import Booking, CourseFormat, CoursePage, TrainingSession
from .services.compliance import people_summaries

REPORTS_PERMISSION = "academy.view_reports"


class AcademyReportView(PortalReportView):
    """Only people whose role grants the academy's reports (accounts/roles.py)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORTS_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"


def _percent(value):
    return "" if value is None else f"{value:.1f}"


def _local(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


# --- Sessions: fill rate, waiting list, attendance --------------------------------


def _bookings_counted(*statuses):
    counted = (
        Booking.objects.filter(session=OuterRef("pk"), status__in=sorted(statuses))
        .order_by()
        .values("session")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted[:1]), 0)


class SessionsReportFilterSet(WagtailFilterSet):
    starts_at = django_filters.DateFromToRangeFilter(label="Date", widget=DateRangePickerWidget)
    course = django_filters.ModelChoiceFilter(
        label="Course",
        queryset=CoursePage.objects.live().order_by("title"),
        empty_label="All courses",
    )
    format = django_filters.ChoiceFilter(
        label="Format", field_name="course__format", choices=CourseFormat.choices
    )
    trainer = django_filters.ModelChoiceFilter(
        label="Trainer",
        queryset=lambda request: (
            User.objects.filter(sessions_delivered__isnull=False)
            .distinct()
            .order_by("last_name", "first_name")
        ),
        empty_label="Any trainer",
    )
    has_waiting_list = django_filters.BooleanFilter(
        label="Has a waiting list", method="filter_waiting"
    )

    class Meta:
        model = TrainingSession
        fields = ["starts_at", "course", "format", "trainer", "has_waiting_list"]

    def filter_waiting(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(waiting__gt=0) if value else queryset.filter(waiting=0)


class SessionsReportView(AcademyReportView):
    page_title = "Academy: sessions"
    header_icon = "date"
    index_url_name = "academy_sessions_report"
    index_results_url_name = "academy_sessions_report_results"
    filterset_class = SessionsReportFilterSet
    default_ordering = "starts_at"
    export_filename = "academy-sessions"
    columns = [
        Column("course", label="Course", accessor="course.title"),
        Column(
            "starts_at",
            label="Starts",
            accessor=lambda s: _local(s.starts_at),
            sort_key="starts_at",
        ),
        Column("trainer", label="Trainer", accessor=lambda s: str(s.trainer or "")),
        Column("capacity", label="Places", sort_key="capacity"),
        Column("taken", label="Booked", sort_key="taken"),
        Column(
            "fill_rate",
            label="Fill rate (%)",
            accessor=lambda s: _percent(s.fill_rate),
            sort_key="fill_rate",
        ),
        Column("waiting", label="Waiting list", sort_key="waiting"),
        Column("attended", label="Attended"),
        Column("no_shows", label="No-shows", sort_key="no_shows"),
        Column("late", label="Cancelled late"),
    ]
    list_export = [
        "course.title",
        "course.get_format_display",
        "starts_at",
        "trainer",
        "where",
        "capacity",
        "taken",
        "fill_rate",
        "waiting",
        "attended",
        "no_shows",
        "late",
    ]
    export_headings = {
        "course.title": "Course",
        "course.get_format_display": "Format",
        "starts_at": "Starts",
        "trainer": "Trainer",
        "where": "Where",
        "capacity": "Places",
        "taken": "Booked",
        "fill_rate": "Fill rate (%)",
        "waiting": "Waiting list",
        "attended": "Attended",
        "no_shows": "No-shows",
        "late": "Cancelled late",
    }
    custom_field_preprocess = {
        "starts_at": {
            "csv": _local,
            "xlsx": lambda value: timezone.make_naive(value),
        },
        "trainer": {"csv": lambda u: str(u or ""), "xlsx": lambda u: str(u or "")},
        "fill_rate": {
            "csv": _percent,
            "xlsx": lambda value: None if value is None else round(float(value), 1),
        },
    }

    def get_base_queryset(self):
        taken = _bookings_counted(*HOLDS_PLACE)
        return (
            TrainingSession.objects.filter(is_cancelled=False)
            .select_related("course", "trainer")
            # Course pages carry every Wagtail page column: fetch only what is shown.
            .only(
                "starts_at",
                "capacity",
                "venue",
                "online_link",
                "course__title",
                "course__format",
                "trainer__first_name",
                "trainer__last_name",
                "trainer__email",
            )
            .annotate(
                taken=taken,
                waiting=_bookings_counted(BookingStatus.WAITLISTED),
                attended=_bookings_counted(BookingStatus.ATTENDED),
                no_shows=_bookings_counted(BookingStatus.NO_SHOW),
                late=_bookings_counted(BookingStatus.CANCELLED_LATE),
            )
            .annotate(
                fill_rate=Cast(
                    F("taken") * 100.0 / NullIf(F("capacity"), 0),
                    DecimalField(max_digits=6, decimal_places=1),
                )
            )
        )

    def order_queryset(self, queryset):
        return queryset.order_by(self.ordering or "starts_at", "starts_at", "pk")


# --- Mandatory-training compliance per person --------------------------------------


class ComplianceReportFilterSet(WagtailFilterSet):
    team = django_filters.ModelChoiceFilter(
        label="Team", queryset=Team.objects.order_by("name"), empty_label="All teams"
    )
    locality = django_filters.ModelChoiceFilter(
        label="Locality",
        queryset=Locality.objects.order_by("name"),
        empty_label="All localities",
    )
    employment_type = django_filters.ChoiceFilter(
        label="Employment type", choices=EmploymentType.choices, empty_label="All"
    )
    job_role = django_filters.ModelChoiceFilter(
        label="Job role", queryset=JobRole.objects.order_by("name"), empty_label="All roles"
    )
    standing = django_filters.ChoiceFilter(
        label="Standing",
        choices=[
            ("overdue", "Has overdue training"),
            ("not_in_date", "Has training to do or overdue"),
            ("in_date", "Everything in date"),
        ],
        empty_label="Everyone",
        method="filter_standing",
    )

    class Meta:
        model = StaffProfile
        fields = ["team", "locality", "employment_type", "job_role", "standing"]

    def filter_standing(self, queryset, name, value):
        if not value:
            return queryset
        tests = {
            "overdue": lambda s: s["overdue"] > 0,
            "not_in_date": lambda s: s["due"] + s["overdue"] > 0,
            "in_date": lambda s: s["due"] + s["overdue"] == 0,
        }
        summaries = people_summaries(queryset)
        wanted = [profile.pk for profile, summary in summaries if tests[value](summary)]
        return queryset.filter(pk__in=wanted)


class ComplianceReportView(AcademyReportView):
    page_title = "Academy: mandatory training by person"
    header_icon = "success"
    index_url_name = "academy_compliance_report"
    index_results_url_name = "academy_compliance_report_results"
    filterset_class = ComplianceReportFilterSet
    default_ordering = "user__last_name"
    export_filename = "academy-compliance-by-person"
    columns = [
        Column("name", label="Name", accessor="user", sort_key="user__last_name"),
        Column("team", label="Team", sort_key="team__name"),
        Column("locality", label="Locality", accessor=lambda p: str(p.locality or "")),
        Column("employment_type", label="Employment type", accessor="get_employment_type_display"),
        Column("required", label="Required"),
        Column("in_date", label="In date"),
        Column("due", label="To do"),
        Column("overdue", label="Overdue"),
        Column("compliance", label="Compliance (%)"),
        Column("overdue_courses", label="Overdue courses"),
    ]
    list_export = [
        "user",
        "user.email",
        "team",
        "locality",
        "get_employment_type_display",
        "job_role",
        "start_date",
        "required",
        "in_date",
        "due",
        "overdue",
        "compliance",
        "overdue_courses",
        "due_courses",
    ]
    export_headings = {
        "user": "Name",
        "user.email": "E-mail",
        "team": "Team",
        "locality": "Locality",
        "get_employment_type_display": "Employment type",
        "job_role": "Job role",
        "start_date": "Start date",
        "required": "Mandatory courses required",
        "in_date": "Done and in date",
        "due": "To do (not yet overdue)",
        "overdue": "Overdue",
        "compliance": "Compliance (%)",
        "overdue_courses": "Overdue courses",
        "due_courses": "Courses to do",
    }
    custom_field_preprocess = {
        field: {"csv": lambda v: str(v or ""), "xlsx": lambda v: str(v or "")}
        for field in ("user", "team", "locality", "job_role")
    }

    def get_base_queryset(self):
        return StaffProfile.objects.current(timezone.localdate()).select_related(
            "user", "team", "locality", "job_role"
        )

    def order_queryset(self, queryset):
        ordering = self.ordering or "user__last_name"
        return queryset.order_by(ordering, "user__first_name", "pk")

    def decorate_paginated_queryset(self, object_list):
        decorated = []
        for profile, summary in people_summaries(object_list):
            for key, value in summary.items():
                setattr(profile, key, value)
            decorated.append(profile)
        return decorated

    @cached_property
    def no_results_message(self):
        return "Nobody on the staff list matches these filters."


def admin_urls():
    return [
        path(
            "academy-reports/sessions/",
            SessionsReportView.as_view(),
            name="academy_sessions_report",
        ),
        path(
            "academy-reports/sessions/results/",
            SessionsReportView.as_view(results_only=True),
            name="academy_sessions_report_results",
        ),
        path(
            "academy-reports/compliance/",
            ComplianceReportView.as_view(),
            name="academy_compliance_report",
        ),
        path(
            "academy-reports/compliance/results/",
            ComplianceReportView.as_view(results_only=True),
            name="academy_compliance_report_results",
        ),
    ]
