from __future__ import annotations

from django.urls import path

from turntoward.assessments import views

app_name = "assessments"
urlpatterns = [
    path("assessments/", views.instrument_list, name="list"),
    path("assessments/shared/", views.shared, name="shared"),
    path("assessments/<slug:slug>/", views.take, name="take"),
    path("assessments/<slug:slug>/history/", views.history, name="history"),
    path("assessments/<slug:slug>/<uuid:response_id>/", views.result, name="result"),
    path("assessments/<slug:slug>/<uuid:response_id>/share/", views.share, name="share"),
]
