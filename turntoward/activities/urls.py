from __future__ import annotations

from django.urls import path

from turntoward.activities import views

app_name = "activities"
urlpatterns = [
    path("activities/", views.ideas, name="ideas"),
    path("activities/ideas/<slug:slug>/plan/", views.plan, name="plan"),
    path("activities/plans/", views.plans, name="plans"),
    path("activities/plans/<uuid:plan_id>/", views.plan_detail, name="plan_detail"),
    path("activities/plans/<uuid:plan_id>/done/", views.done, name="done"),
    path("activities/plans/<uuid:plan_id>/reflect/", views.reflect, name="reflect"),
    path("activities/plans/<uuid:plan_id>/cancel/", views.cancel, name="cancel"),
    path("activities/plans/<uuid:plan_id>/plan.ics", views.ics, name="ics"),
]
