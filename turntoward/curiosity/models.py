"""Models of the curiosity practice."""

from __future__ import annotations
