"""API for the lessons practice."""

from __future__ import annotations

from ninja import Router

lessons_router = Router(tags=["lessons"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/lessons": lessons_router,
}
