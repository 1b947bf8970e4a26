from __future__ import annotations

from django.urls import path

from turntoward.selfcare import views

app_name = "selfcare"
urlpatterns = [
    path("self-care/", views.plan, name="plan"),
    path("self-care/items/new/", views.item_new, name="item_new"),
    path("self-care/items/<uuid:item_id>/edit/", views.item_edit, name="item_edit"),
    path("self-care/items/<uuid:item_id>/delete/", views.item_delete, name="item_delete"),
    path("self-care/items/<uuid:item_id>/done/", views.item_done, name="item_done"),
    path("self-care/log/", views.log, name="log"),
    path("self-care/week/", views.week, name="week"),
    path("self-care/ideas/", views.ideas, name="ideas"),
    path("self-care/ideas/<slug:slug>/add/", views.idea_add, name="idea_add"),
]
