from __future__ import annotations

from django.urls import path

from turntoward.reflection import views

app_name = "reflection"
urlpatterns = [
    path("reflections/", views.reflections, name="reflections"),
    path("reflections/new/", views.reflection_new, name="reflection_new"),
    path("reflections/<str:id>/", views.reflection, name="reflection"),
    path("reflections/<str:id>/edit/", views.reflection_edit, name="reflection_edit"),
    path("reflections/<str:id>/share/", views.reflection_share, name="reflection_share"),
    path("reflections/<str:id>/delete/", views.reflection_delete, name="reflection_delete"),
    path("repairs/", views.repairs, name="repairs"),
    path("repairs/new/", views.repair_new, name="repair_new"),
    path("repairs/<str:id>/", views.repair, name="repair"),
    path("repairs/<str:id>/edit/", views.repair_edit, name="repair_edit"),
    path("repairs/<str:id>/share/", views.repair_share, name="repair_share"),
    path("repairs/<str:id>/respond/", views.repair_respond, name="repair_respond"),
    path("boundaries/", views.boundaries, name="boundaries"),
    path("boundaries/new/", views.boundary_new, name="boundary_new"),
    path("boundaries/<str:id>/", views.boundary, name="boundary"),
    path("boundaries/<str:id>/edit/", views.boundary_edit, name="boundary_edit"),
    path("boundaries/<str:id>/share/", views.boundary_share, name="boundary_share"),
    path("boundaries/<str:id>/delete/", views.boundary_delete, name="boundary_delete"),
    path(
        "boundaries/<str:id>/acknowledge/", views.boundary_acknowledge, name="boundary_acknowledge"
    ),
]
