from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("data.json", views.download_my_data, name="download_data"),
    path("delete/", views.delete_account, name="delete"),
]
