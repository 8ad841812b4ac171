"""Applications, alerts, saved vacancies and the recruitment screens. The vacancy pages
themselves (and /vacancies/ with its feed) are Wagtail pages."""

from django.urls import path

from .views import alerts, applications, public, reports, staff

app_name = "vacancies"

urlpatterns = [
    # Candidates
    path("applications/", applications.my_applications, name="my_applications"),
    path("applications/start/<int:vacancy_id>/", applications.start, name="start"),
    path("applications/<int:pk>/", applications.application_detail, name="application"),
    path("applications/<int:pk>/step/<slug:step>/", applications.step, name="step"),
    path("applications/<int:pk>/review/", applications.review, name="review"),
    path("applications/<int:pk>/withdraw/", applications.withdraw, name="withdraw"),
    path("applications/<int:pk>/interview/", applications.choose_slot, name="choose_slot"),
    path("applications/<int:pk>/interview.ics", applications.interview_ics, name="interview_ics"),
    path("applications/<int:pk>/cv/", applications.cv_download, name="cv"),
    path("saved-vacancies/", public.saved_vacancies, name="saved"),
    path("saved-vacancies/<int:vacancy_id>/", public.toggle_saved, name="toggle_saved"),
    # Job alerts (anyone, signed in or not)
    path("job-alerts/new/", alerts.create, name="alert_create"),
    path("job-alerts/confirm/<str:token>/", alerts.confirm, name="alert_confirm"),
    path("job-alerts/unsubscribe/<str:token>/", alerts.unsubscribe, name="alert_unsubscribe"),
    # Recruitment team and hiring managers
    path("recruitment/", staff.pipeline_index, name="staff_index"),
    path("recruitment/vacancies/<int:vacancy_id>/", staff.vacancy_pipeline, name="staff_pipeline"),
    path(
        "recruitment/vacancies/<int:vacancy_id>/shortlisting-complete/",
        staff.complete_shortlisting,
        name="staff_complete_shortlisting",
    ),
    path("recruitment/vacancies/<int:vacancy_id>/slots/", staff.add_slot, name="staff_add_slot"),
    path("recruitment/applications/<int:pk>/", staff.application_review, name="staff_application"),
    path("recruitment/applications/<int:pk>/move/", staff.move, name="staff_move"),
    path(
        "recruitment/applications/<int:pk>/checks/<slug:kind>/",
        staff.edit_check,
        name="staff_check",
    ),
    path("recruitment/applications/<int:pk>/hire/", staff.hire_view, name="staff_hire"),
    path("recruitment/reports/", reports.reports, name="staff_reports"),
]
