"""Checks shared by every service that takes text a person typed."""

from __future__ import annotations

from django.utils.translation import gettext as _

from turntoward.lib.text import has_forbidden_characters


def clean_text(errors: dict, name: str, value: object, *, required: bool, limit: int) -> str:
    """The text stripped; a message under `name` in `errors` when it is not acceptable."""
    if value is not None and not isinstance(value, str):
        errors[name] = _("Please send text here.")
        return ""
    text = (value or "").strip()
    if has_forbidden_characters(text):
        errors[name] = _("Please remove the invisible control characters from this text.")
    elif required and not text:
        errors[name] = _("Please write a few words here.")
    elif len(text) > limit:
        errors[name] = _("Please keep this under %(limit)s characters (you wrote %(n)s).") % {
            "limit": limit,
            "n": len(text),
        }
    return text
