from __future__ import annotations

from django.urls import path

from turntoward.accounts import views

app_name = "accounts"
urlpatterns = [
    path("me/", views.profile, name="profile"),
    path("me/export.json", views.export, name="export"),
    path("me/delete/", views.delete, name="delete"),
]
