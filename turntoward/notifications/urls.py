from __future__ import annotations

from django.urls import path

from turntoward.notifications import views

app_name = "notifications"
urlpatterns = [
    path("notifications/", views.notification_list, name="list"),
    path("notifications/read-all/", views.read_all, name="read_all"),
    path("notifications/<uuid:notification_id>/read/", views.read, name="read"),
    path("account/notifications/", views.preferences, name="preferences"),
    path("account/notifications/calendar/", views.new_calendar_link, name="new_calendar_link"),
    path("calendar/<str:token>.ics", views.calendar, name="calendar"),
    path("unsubscribe/<str:kind>/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
