"""API for the goals practice."""

from __future__ import annotations

from ninja import Router

goals_router = Router(tags=["goals"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/goals": goals_router,
}
