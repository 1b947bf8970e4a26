from __future__ import annotations

from django.urls import path

from turntoward.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("practices/", views.practices_index, name="practices"),
]
