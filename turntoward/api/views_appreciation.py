"""API for the appreciation practice."""

from __future__ import annotations

from ninja import Router

appreciations_router = Router(tags=["appreciations"])
kindness_router = Router(tags=["kindness"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/appreciations": appreciations_router,
    "/kindness": kindness_router,
}
