from __future__ import annotations

from django.urls import path

from turntoward.journal import views

app_name = "journal"
urlpatterns = [
    path("journal/", views.entry_list, name="list"),
    path("journal/new/", views.entry_new, name="new"),
    path("journal/<uuid:entry_id>/", views.entry_detail, name="detail"),
    path("journal/<uuid:entry_id>/edit/", views.entry_edit, name="edit"),
    path("journal/<uuid:entry_id>/delete/", views.entry_delete, name="delete"),
]
