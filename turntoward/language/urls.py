from __future__ import annotations

from django.urls import path

from turntoward.language import views

app_name = "language"
urlpatterns = [
    path("coach/", views.coach_page, name="coach"),
    path("coach/check/", views.coach_check, name="coach-check"),
]
