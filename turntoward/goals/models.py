"""Models of the goals practice."""

from __future__ import annotations
