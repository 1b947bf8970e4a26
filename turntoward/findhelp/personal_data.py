"""Signal history in a person's export and deletion (the listings are not personal data)."""

from __future__ import annotations

from typing import Any

from turntoward.core.personal_data import PersonalData, register
from turntoward.privacy import findhelp as gate


@register
class SignalStateData(PersonalData):
    key = "signals"

    def export(self) -> list[dict[str, Any]]:
        return [
            {
                "key": s.key,
                "fired_at": s.fired_at.isoformat(),
                "cleared_at": s.cleared_at.isoformat() if s.cleared_at else None,
            }
            for s in gate.signal_states_of(self.user).order_by("fired_at")
        ]

    def delete(self) -> None:
        gate.signal_states_of(self.user).delete()
