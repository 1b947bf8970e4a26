"""The gate for the private safety screen and preference: the owner, and nobody else.

There is deliberately no function that takes another person: a partner, counsellor,
count or report has no way in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from turntoward.safety.models import SafetyPreference, SafetyScreen

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def screen_of(viewer: User) -> SafetyScreen | None:
    """The viewer's own latest safety screen, or None."""
    if not viewer.is_authenticated:
        return None
    return SafetyScreen.objects.filter(user=viewer).first()


def preference_of(viewer: User) -> SafetyPreference | None:
    """The viewer's own safety preference row, or None when never set."""
    if not viewer.is_authenticated:
        return None
    return SafetyPreference.objects.filter(user=viewer).first()


def own_writing(viewer: User, label: str, pk: str, author_field: str):
    """An object the viewer wrote (by model label and pk), or None: for re-screening their
    own words right after a save. Anything written by someone else is never returned."""
    from django.apps import apps

    if not viewer.is_authenticated:
        return None
    try:
        model = apps.get_model(label)
        return model._default_manager.filter(pk=pk, **{author_field: viewer}).first()
    except Exception:
        return None
