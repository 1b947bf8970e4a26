from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _pressures(db):
    """The pressure library, as migrate loads it."""
    from turntoward.reflection import content

    content.load()
