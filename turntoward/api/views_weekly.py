"""API for the weekly practice."""

from __future__ import annotations

from ninja import Router

weekly_checkins_router = Router(tags=["weekly-checkins"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/weekly-checkins": weekly_checkins_router,
}
