from __future__ import annotations

from django.urls import path

from turntoward.curiosity import views

app_name = "curiosity"
urlpatterns = [
    path("questions/", views.today, name="today"),
    path("questions/browse/", views.browse, name="browse"),
    path("questions/favourites/", views.favourites, name="favourites"),
    path("questions/<slug:slug>/", views.question, name="question"),
    path("questions/<slug:slug>/panel/", views.panel, name="panel"),
    path("questions/<slug:slug>/answer/", views.answer, name="answer"),
    path("questions/<slug:slug>/favourite/", views.favourite, name="favourite"),
]
