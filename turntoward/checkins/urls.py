from __future__ import annotations

from django.urls import path

from turntoward.checkins import views

app_name = "checkins"
urlpatterns = [
    path("checkin/", views.checkin, name="checkin"),
    path("checkin/today/", views.today_panel, name="today"),
    path("checkin/<str:day>/reply/", views.reply, name="reply"),
    path("history/", views.history, name="history"),
]
