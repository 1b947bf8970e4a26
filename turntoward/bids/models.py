"""Models of the bids practice."""

from __future__ import annotations
