"""Checks on text people type."""

from __future__ import annotations

import unicodedata


def has_forbidden_characters(text: str) -> bool:
    """True for NUL, other control characters (bar tab and newlines) and lone surrogates.

    PostgreSQL cannot store NUL in text, and none of these carry meaning a person typed.
    """
    for ch in text:
        if ch in "\t\n\r":
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs"):
            return True
    return False
