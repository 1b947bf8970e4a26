"""One class per kind of personal data: it exports a person's own data and deletes it.

Apps register their kinds here; export and account deletion walk the registry, so a
new kind of data cannot be forgotten by either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from turntoward.accounts.models import User

_REGISTRY: list[type[PersonalData]] = []


class PersonalData:
    """Export and delete one kind of data a person authored."""

    key: ClassVar[str]

    def __init__(self, user: User) -> None:
        self.user = user

    def export(self) -> Any:
        raise NotImplementedError

    def delete(self) -> None:
        raise NotImplementedError


def register(cls: type[PersonalData]) -> type[PersonalData]:
    if all(existing.key != cls.key for existing in _REGISTRY):
        _REGISTRY.append(cls)
    return cls


def kinds() -> list[type[PersonalData]]:
    return list(_REGISTRY)
