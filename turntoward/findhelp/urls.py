from __future__ import annotations

from django.urls import path

from turntoward.findhelp import views

app_name = "findhelp"
urlpatterns = [
    path("help/", views.find_help, name="help"),
]
