"""API for the curiosity practice."""

from __future__ import annotations

from ninja import Router

questions_router = Router(tags=["questions"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/questions": questions_router,
}
