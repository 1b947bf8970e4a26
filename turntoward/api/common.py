"""Small helpers shared by the API's endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Any


def local(viewer: Any, moment: datetime | None) -> datetime | None:
    """A stored UTC time as the viewer's local time, so its offset is theirs."""
    if moment is None:
        return None
    return moment.astimezone(viewer.tz)
