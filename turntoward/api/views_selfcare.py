"""API for the selfcare practice."""

from __future__ import annotations

from ninja import Router

self_care_router = Router(tags=["self-care"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/self-care": self_care_router,
}
