"""Invitations in a person's export and deletion."""

from __future__ import annotations

from typing import Any

from turntoward import privacy
from turntoward.core.personal_data import PersonalData, register


@register
class InvitationData(PersonalData):
    key = "invitations"

    def export(self) -> list[dict[str, Any]]:
        return [
            {
                "code": i.code,
                "state": str(i.state),
                "created_at": i.created_at.isoformat(),
                "expires_at": i.expires_at.isoformat(),
            }
            for i in privacy.invitations_of(self.user)
        ]

    def delete(self) -> None:
        privacy.invitations_of(self.user).delete()
