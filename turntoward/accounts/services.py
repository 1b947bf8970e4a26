"""Account rules: profile changes, export, deletion."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from turntoward import privacy
from turntoward.accounts.models import User
from turntoward.core.personal_data import kinds
from turntoward.couples.services import leave_couple
from turntoward.lib.text import has_forbidden_characters
from turntoward.lib.zones import is_time_zone

NAME_MAX = 80


def update_profile(user: User, **changes: Any) -> User:
    """Change name, time zone or country; unknown zones and countries are refused."""
    errors: dict[str, str] = {}
    if "name" in changes:
        name = "" if changes["name"] is None else str(changes["name"]).strip()
        if len(name) > NAME_MAX:
            errors["name"] = _("Please keep your name under %(n)s characters.") % {"n": NAME_MAX}
        elif has_forbidden_characters(name) or "\n" in name:
            errors["name"] = _(
                "Your name can't contain line breaks or invisible control characters."
            )
        changes["name"] = name
    if "time_zone" in changes and not (
        isinstance(changes["time_zone"], str) and is_time_zone(changes["time_zone"])
    ):
        errors["time_zone"] = _("Choose a time zone from the list, such as Europe/London.")
    if "country" in changes:
        code = "" if changes["country"] is None else str(changes["country"]).upper()
        if code and code not in countries:
            errors["country"] = _("Choose a country from the list (a two-letter code such as IN).")
        changes["country"] = code
    if errors:
        raise ValidationError(errors)
    for key in ("name", "time_zone", "country"):
        if key in changes:
            setattr(user, key, changes[key])
    user.save(update_fields=[k for k in ("name", "time_zone", "country") if k in changes])
    return user


def export_account(user: User) -> dict[str, Any]:
    """Everything this person authored, as JSON-ready data."""
    couple = privacy.couple_of(user)
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "format": "turntoward-export/1",
        "profile": {
            "email": user.email,
            "name": user.name,
            "time_zone": user.time_zone,
            "country": str(user.country or ""),
            "date_joined": user.date_joined.isoformat(),
        },
        "couple": (
            {"id": str(couple.id), "started_on": couple.started_on.isoformat()} if couple else None
        ),
    }
    for kind in kinds():
        data[kind.key] = kind(user).export()
    return data


def delete_account(user: User) -> None:
    """Leave any couple, then delete everything this person authored and the account."""
    with transaction.atomic():
        if privacy.couple_of(user) is not None:
            leave_couple(user)
        for kind in kinds():
            kind(user).delete()
        user.delete()
