"""API for the coach endpoint."""

from __future__ import annotations

from ninja import Router

coach_router = Router(tags=["coach"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {"/coach": coach_router}
