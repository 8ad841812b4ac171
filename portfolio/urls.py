"""The early-career portfolio, under /portfolio/."""

from django.urls import path

from .views import assessment, cohort, panel, portfolio

app_name = "portfolio"

urlpatterns = [
    path("", portfolio.entry, name="entry"),
    path("cohort/", cohort.cohort, name="cohort"),
    path("cohort/export.<str:fmt>", cohort.cohort_export, name="cohort_export"),
    path("panel/", panel.panel, name="panel"),
    path("panel/<str:reference>/", panel.panel_portfolio, name="panel_portfolio"),
    path("<int:pk>/", portfolio.detail, name="detail"),
    path("<int:pk>/agreement/", assessment.agreement, name="agreement"),
    path("<int:pk>/add/<slug:kind>/", portfolio.add, name="add"),
    path(
        "<int:pk>/evidence/<int:record_id>/document/",
        portfolio.evidence_document,
        name="evidence_document",
    ),
    path("<int:pk>/reviews/<int:point_id>/", assessment.review, name="review"),
    path("<int:pk>/recommendation/", assessment.recommendation, name="recommendation"),
    path("<int:pk>/portfolio.pdf", portfolio.download_pdf, name="pdf"),
    # Last: the record kinds are words, so the fixed paths above must win.
    path("<int:pk>/<slug:kind>/<int:record_id>/", portfolio.record, name="record"),
]
