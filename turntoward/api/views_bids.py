"""API for the bids practice."""

from __future__ import annotations

from ninja import Router

bids_router = Router(tags=["bids"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/bids": bids_router,
}
