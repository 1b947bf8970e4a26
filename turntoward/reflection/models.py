"""Models of the reflection practice."""

from __future__ import annotations
