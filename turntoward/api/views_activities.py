"""API for the activities practice."""

from __future__ import annotations

from ninja import Router

activities_router = Router(tags=["activities"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/activities": activities_router,
}
