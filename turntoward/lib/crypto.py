"""Fernet helpers for encrypting free text at rest."""

from __future__ import annotations

from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet


@lru_cache(maxsize=8)
def multifernet(keys: tuple[str, ...]) -> MultiFernet:
    """Build a MultiFernet whose first key encrypts and every key decrypts."""
    if not keys:
        raise ValueError("At least one encryption key is required.")
    return MultiFernet([Fernet(key.encode() if isinstance(key, str) else key) for key in keys])


def new_key() -> str:
    """Return a fresh Fernet key as text."""
    return Fernet.generate_key().decode()
