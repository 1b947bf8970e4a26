"""API for the safety endpoint."""

from __future__ import annotations

from ninja import Router

safety_router = Router(tags=["safety"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {"/safety": safety_router}
