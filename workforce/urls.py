from django.urls import path

from . import views

app_name = "workforce"

urlpatterns = [
    path("", views.home, name="home"),
    path("history/", views.history, name="history"),
    path("registrations/", views.registrations, name="registrations"),
    path(
        "registrations/<int:pk>/check/",
        views.registration_check,
        name="registration_check",
    ),
    path("assignments/", views.assignments, name="assignments"),
    path("assignments/new/", views.assignment_new, name="assignment_new"),
    path("assignments/<int:pk>/", views.assignment, name="assignment"),
    path(
        "assignments/<int:pk>/compliance/",
        views.assignment_compliance,
        name="assignment_compliance",
    ),
    path("assignments/<int:pk>/rate/", views.assignment_rate, name="assignment_rate"),
    path(
        "assignments/<int:pk>/sign-off/",
        views.assignment_sign_off,
        name="assignment_sign_off",
    ),
    path("assignments/<int:pk>/start/", views.assignment_start, name="assignment_start"),
    path("my-assignment/", views.my_assignment, name="my_assignment"),
    path("return/", views.quarterly_return, name="return"),
    path("dashboard/", views.dashboard, name="dashboard"),
]
