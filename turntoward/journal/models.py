"""Models of the journal practice."""

from __future__ import annotations
