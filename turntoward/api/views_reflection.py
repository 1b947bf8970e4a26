"""API for the reflection practice."""

from __future__ import annotations

from ninja import Router

reflections_router = Router(tags=["reflections"])
repairs_router = Router(tags=["repairs"])
boundaries_router = Router(tags=["boundaries"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/reflections": reflections_router,
    "/repairs": repairs_router,
    "/boundaries": boundaries_router,
}
