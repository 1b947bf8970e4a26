from __future__ import annotations

from django.urls import path

from turntoward.appreciation import views

app_name = "appreciation"
urlpatterns = [
    path("appreciation/", views.appreciations, name="appreciations"),
    path("kindness/", views.kindness, name="kindness"),
    path("kindness/<slug:slug>/did/", views.did_kindness, name="did"),
    path("kindness/acts/<uuid:act_id>/landed/", views.landed, name="landed"),
]
