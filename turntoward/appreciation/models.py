"""Models of the appreciation practice."""

from __future__ import annotations
