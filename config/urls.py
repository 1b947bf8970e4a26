"""Top-level URLs: pages, accounts, the headless auth API and /api/v1/."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from turntoward.api.api import api

urlpatterns = [
    path("", include("turntoward.core.urls")),
    path("", include("turntoward.checkins.urls")),
    path("", include("turntoward.couples.urls")),
    path("", include("turntoward.accounts.urls")),
    path("", include("turntoward.bids.urls")),
    path("", include("turntoward.appreciation.urls")),
    path("", include("turntoward.curiosity.urls")),
    path("", include("turntoward.lessons.urls")),
    path("", include("turntoward.activities.urls")),
    path("", include("turntoward.goals.urls")),
    path("", include("turntoward.weekly.urls")),
    path("", include("turntoward.reflection.urls")),
    path("", include("turntoward.selfcare.urls")),
    path("", include("turntoward.journal.urls")),
    path("", include("turntoward.language.urls")),
    path("", include("turntoward.safety.urls")),
    path("", include("turntoward.assessments.urls")),
    path("", include("turntoward.insights.urls")),
    path("", include("turntoward.notifications.urls")),
    path("", include("turntoward.findhelp.urls")),
    path("accounts/", include("allauth.urls")),
    path("_allauth/", include("allauth.headless.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

handler500 = "turntoward.core.views.server_error"
