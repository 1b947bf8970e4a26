"""Models of the activities practice."""

from __future__ import annotations
