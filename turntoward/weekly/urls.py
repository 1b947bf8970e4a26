from __future__ import annotations

from django.urls import path

from turntoward.weekly import views

app_name = "weekly"
urlpatterns = [
    path("weekly/", views.weekly, name="weekly"),
    path("weekly/<str:week>/", views.week, name="week"),
]
