from __future__ import annotations

from django.urls import path

from turntoward.couples import views

app_name = "couples"
urlpatterns = [
    path("couple/", views.couple, name="couple"),
    path("couple/invite/", views.invite, name="invite"),
    path("couple/invitations/<str:code>/revoke/", views.revoke, name="revoke"),
    path("couple/leave/", views.leave, name="leave"),
    path("couple/join/", views.join_form, name="join_form"),
    path("couple/join/<str:code>/", views.join, name="join"),
]
