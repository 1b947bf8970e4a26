from __future__ import annotations

from django.urls import path

from turntoward.bids import views

app_name = "bids"
urlpatterns = [
    path("bids/", views.bids, name="bids"),
    path("bids/<uuid:bid_id>/respond/", views.respond, name="respond"),
    path("bids/<uuid:bid_id>/repair/", views.repair, name="repair"),
]
