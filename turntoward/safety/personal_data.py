"""The safety screen and preference in a person's export and deletion."""

from __future__ import annotations

from typing import Any

from turntoward.core.personal_data import PersonalData, register
from turntoward.privacy import safety as gate
from turntoward.safety.models import SafetyPreference, SafetyScreen


@register
class SafetyData(PersonalData):
    key = "safety"

    def export(self) -> dict[str, Any]:
        screen = gate.screen_of(self.user)
        pref = gate.preference_of(self.user)
        return {
            "screen": (
                {"answers": screen.answers, "taken_at": screen.taken_at.isoformat()}
                if screen
                else None
            ),
            "couple_paused": bool(pref and pref.couple_paused),
            "discreet_mode": bool(getattr(self.user, "discreet_mode", False)),
        }

    def delete(self) -> None:
        SafetyScreen.objects.filter(user=self.user).delete()
        SafetyPreference.objects.filter(user=self.user).delete()
