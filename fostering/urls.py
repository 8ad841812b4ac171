from django.urls import path, re_path

from .views import apply, public, team

app_name = "fostering"

urlpatterns = [
    # Public: information events and enquiries (the content pages live at /fostering/).
    path("fostering-events/", public.event_list, name="events"),
    path("fostering-events/<int:pk>/", public.event_detail, name="event_detail"),
    path("fostering-events/booking/<str:token>/", public.manage_booking, name="manage_booking"),
    path("fostering-enquiry/", public.enquiry, name="enquiry"),
    path("fostering-enquiry/sent/", public.enquiry_sent, name="enquiry_sent"),
    path("fostering-enquiry/can-i-foster/", public.can_i_foster, name="can_i_foster"),
    # The enquirer's own case.
    path("fostering-enquiry/my-case/", public.my_cases, name="my_cases"),
    path("fostering-enquiry/my-case/<str:reference>/", public.my_case, name="my_case"),
    # Applying online (the enquirer and a joint applicant), and the referee's form.
    path("fostering-enquiry/my-case/<str:reference>/apply/", apply.task_list, name="apply"),
    path(
        "fostering-enquiry/my-case/<str:reference>/apply/joint-applicant/",
        apply.joint_applicant,
        name="apply_joint",
    ),
    path(
        "fostering-enquiry/my-case/<str:reference>/apply/declaration/",
        apply.declaration,
        name="apply_declaration",
    ),
    path(
        "fostering-enquiry/my-case/<str:reference>/apply/send/", apply.submit, name="apply_submit"
    ),
    path("fostering-enquiry/my-case/<str:reference>/apply/sent/", apply.sent, name="apply_sent"),
    path(
        "fostering-enquiry/my-case/<str:reference>/apply/<slug:key>/",
        apply.section,
        name="apply_section",
    ),
    path(
        "fostering-enquiry/my-case/<str:reference>/apply/<slug:key>/remove/<int:index>/",
        apply.remove_item,
        name="apply_remove_item",
    ),
    path("fostering-apply/join/<str:token>/", apply.join, name="apply_join"),
    path("fostering-reference/<str:token>/", apply.reference, name="reference"),
    # The fostering team.
    path("fostering-team/cases/<int:pk>/invite/", team.case_invite, name="case_invite"),
    path(
        "fostering-team/cases/<int:pk>/application/",
        team.case_application,
        name="case_application",
    ),
    path("fostering-team/", team.dashboard, name="dashboard"),
    path("fostering-team/cases/<int:pk>/", team.case_detail, name="case_detail"),
    path("fostering-team/cases/<int:pk>/move/", team.case_move, name="case_move"),
    path("fostering-team/cases/<int:pk>/note/", team.case_note, name="case_note"),
    path("fostering-team/cases/<int:pk>/details/", team.case_edit, name="case_edit"),
    path("fostering-team/cases/<int:pk>/household/add/", team.member_add, name="member_add"),
    path(
        "fostering-team/cases/<int:pk>/training/",
        team.case_book_training,
        name="case_book_training",
    ),
    path("fostering-team/checks/<int:pk>/", team.check_edit, name="check_edit"),
    path("fostering-team/training/<int:pk>/", team.session_register, name="session_register"),
    path("fostering-team/reports/", team.reports, name="reports"),
    re_path(
        r"^fostering-team/reports/export\.(?P<fmt>csv|xlsx)$",
        team.report_export,
        name="report_export",
    ),
]
