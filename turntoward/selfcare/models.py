"""Models of the selfcare practice."""

from __future__ import annotations
