"""Time-zone names people may choose."""

from __future__ import annotations

import zoneinfo
from functools import lru_cache


@lru_cache(maxsize=1)
def time_zone_names() -> list[str]:
    """Every IANA zone name, sorted, without the legacy aliases."""
    names = {
        n
        for n in zoneinfo.available_timezones()
        if "/" in n and not n.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/"))
    }
    names.add("UTC")
    return sorted(names)


def is_time_zone(name: str) -> bool:
    """True when the name is a zone we accept."""
    return name in set(time_zone_names()) or name in zoneinfo.available_timezones()
