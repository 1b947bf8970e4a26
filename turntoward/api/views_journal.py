"""API for the journal practice."""

from __future__ import annotations

from ninja import Router

journal_router = Router(tags=["journal"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/journal": journal_router,
}
