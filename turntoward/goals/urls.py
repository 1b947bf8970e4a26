from __future__ import annotations

from django.urls import path

from turntoward.goals import views

app_name = "goals"
urlpatterns = [
    path("goals/", views.goals, name="goals"),
    path("goals/<uuid:goal_id>/", views.goal, name="goal"),
    path("goals/<uuid:goal_id>/edit/", views.edit, name="edit"),
    path("goals/<uuid:goal_id>/update/", views.update, name="update"),
    path("goals/<uuid:goal_id>/status/", views.status, name="status"),
    path("goals/<uuid:goal_id>/celebrate/", views.celebrate, name="celebrate"),
]
