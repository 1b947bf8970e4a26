"""Models of the weekly practice."""

from __future__ import annotations
