from __future__ import annotations

from django.urls import path

from turntoward.lessons import views

app_name = "lessons"
urlpatterns = [
    path("lessons/", views.lesson_list, name="list"),
    path("lessons/<slug:slug>/", views.lesson, name="lesson"),
    path("lessons/<slug:slug>/read/", views.read, name="read"),
]
