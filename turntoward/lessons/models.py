"""Models of the lessons practice."""

from __future__ import annotations
