"""The academy's own screens. The catalogue itself is the Wagtail page tree at /academy/."""

from django.urls import path

from .views import certificates, checks, cpd, dashboard, manager, public, reports, staff, trainer

app_name = "academy"

urlpatterns = [
    # Public
    path("training/sessions/<int:pk>/", public.session_detail, name="session"),
    path("training/programmes/<slug:slug>/", public.programme_detail, name="programme"),
    path("training/calendar/<str:token>.ics", public.calendar_feed, name="calendar_feed"),
    path("certificates/verify/", certificates.verify_form, name="verify_form"),
    path("certificates/verify/<str:code>/", certificates.verify, name="verify"),
    # Staff: booking and their own training
    path("training/sessions/<int:pk>/book/", staff.book, name="book"),
    path("my-training/", staff.my_training, name="my_training"),
    path("my-training/bookings/<int:pk>/", staff.booking_detail, name="booking"),
    path("my-training/bookings/<int:pk>/cancel/", staff.cancel, name="cancel"),
    path("my-training/bookings/<int:pk>/offer/", staff.respond_offer, name="respond_offer"),
    path(
        "my-training/bookings/<int:pk>/calendar.ics",
        staff.booking_calendar,
        name="booking_calendar",
    ),
    path("my-training/calendar/reset/", staff.reset_calendar_feed, name="reset_calendar_feed"),
    path("my-training/e-learning/<int:pk>/check/", checks.start_check, name="start_check"),
    path("my-training/e-learning/attempts/<int:pk>/", checks.check_attempt, name="check_attempt"),
    path(
        "my-training/certificates/<int:pk>.pdf",
        certificates.certificate_download,
        name="certificate",
    ),
    path("my-training/certificates/<int:pk>/renew/", certificates.renew, name="renew"),
    # CPD
    path("cpd/", cpd.cpd_list, name="cpd"),
    path("cpd/add/", cpd.cpd_add, name="cpd_add"),
    path("cpd/<int:pk>/", cpd.cpd_edit, name="cpd_edit"),
    path("cpd/export.csv", cpd.cpd_export, name="cpd_export"),
    # Line managers
    path("my-training/team/", manager.team, name="team"),
    path("my-training/team/bookings/<int:pk>/", manager.decide, name="decide"),
    # Trainers
    path("training/registers/", trainer.my_sessions, name="trainer_sessions"),
    path("training/registers/<int:pk>/", trainer.register, name="register"),
    # L&D, and line managers for their teams
    path("training/dashboard/", dashboard.dashboard, name="dashboard"),
    path("training/reports/", reports.report, name="reports"),
    path("training/reports/<slug:report>/", reports.report, name="report"),
    path("training/reports/exports/<int:pk>/", reports.download_export, name="download_export"),
]
