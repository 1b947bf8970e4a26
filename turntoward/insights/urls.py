from __future__ import annotations

from django.urls import path

from turntoward.insights import views

app_name = "insights"
urlpatterns = [
    path("insights/", views.insights, name="insights"),
    path("insights/report/", views.report_form, name="report"),
    path("insights/report/pdf/", views.report_download, name="report_pdf"),
]
