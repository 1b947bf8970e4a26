from __future__ import annotations

from django.urls import path

from turntoward.safety import views

app_name = "safety"
urlpatterns = [
    path("safety/", views.screen, name="screen"),
    path("safety/support/", views.support, name="support"),
    path("safety/couple/", views.couple_features, name="couple"),
    path("safety/delete/", views.delete, name="delete"),
    path("safety/dismiss/", views.dismiss, name="dismiss"),
]
